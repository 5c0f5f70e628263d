# A key-value store with transactions as context managers (nested, rolled back on exceptions),
# `finally` that runs on `return`/`break`/`continue`, decorators built from closures with
# *args/**kwargs, closures captured in loops, and an audit log.


class TransactionError(Exception):
    pass


class Store:
    def __init__(self, **initial):
        self.data = dict(initial)
        self.stack = []
        self.audit = []

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        if self.stack:
            undo = self.stack[-1]
            if key not in undo:
                undo[key] = self.data.get(key, Store.MISSING)
        self.data[key] = value

    def __delitem__(self, key):
        if self.stack and key not in self.stack[-1]:
            self.stack[-1][key] = self.data[key]
        del self.data[key]

    def get(self, key, default=None):
        return self.data.get(key, default)

    def transaction(self, name="tx"):
        return Transaction(self, name)

    def snapshot(self):
        return sorted(self.data.items())


Store.MISSING = object()


class Transaction:
    def __init__(self, store, name):
        self.store = store
        self.name = name
        self.committed = None

    def __enter__(self):
        self.store.stack.append({})
        self.store.audit.append(f"begin {self.name} (depth {len(self.store.stack)})")
        return self

    def __exit__(self, exc_type, exc, tb):
        undo = self.store.stack.pop()
        if exc_type is None:
            if self.store.stack:
                outer = self.store.stack[-1]
                for k, v in undo.items():
                    outer.setdefault(k, v)
            self.committed = True
            self.store.audit.append(f"commit {self.name}")
            return False
        for k, v in undo.items():
            if v is Store.MISSING:
                del self.store.data[k]
            else:
                self.store.data[k] = v
        self.committed = False
        self.store.audit.append(f"rollback {self.name}: {exc_type.__name__}: {exc}")
        return issubclass(exc_type, TransactionError)


def audited(label, *, log):
    def deco(fn):
        def wrapper(*args, **kwargs):
            shown = [repr(a) for a in args[1:]] + [f"{k}={v!r}" for k, v in sorted(kwargs.items())]
            log.append(f"{label}.{fn.__name__}({', '.join(shown)})")
            try:
                return fn(*args, **kwargs)
            finally:
                log.append(f"{label}.{fn.__name__} done")
        return wrapper
    return deco


calls = []


class Bank:
    def __init__(self):
        self.store = Store(alice=100, bob=50)

    @audited("bank", log=calls)
    def transfer(self, src, dst, amount, *, fee=0):
        with self.store.transaction(f"transfer {src}->{dst}"):
            self.store[src] -= amount + fee
            if self.store[src] < 0:
                raise TransactionError(f"{src} would go negative")
            self.store[dst] = self.store.get(dst, 0) + amount
            if fee:
                self.store["fees"] = self.store.get("fees", 0) + fee
        return self.store.snapshot()


bank = Bank()
print(bank.transfer("alice", "bob", 30))
print(bank.transfer("bob", "carol", 20, fee=2))
print(bank.transfer("carol", "alice", 500))
print(bank.transfer("alice", "dave", 10, fee=1))
print(bank.store.audit)
print(calls)

s = Store(x=1)
with s.transaction("outer") as outer:
    s["x"] = 2
    s["y"] = 3
    try:
        with s.transaction("inner") as inner:
            s["x"] = 99
            del s["y"]
            s["z"] = 0
            raise KeyError("boom")
    except KeyError as e:
        print("inner failed with", repr(e), "committed:", inner.committed)
    print("after inner:", s.snapshot())
    with s.transaction("inner2"):
        s["w"] = 4
print("outer committed:", outer.committed, s.snapshot())

try:
    with s.transaction("doomed"):
        s["x"] = -1
        s["new"] = "value"
        1 / 0
except ZeroDivisionError:
    print("rolled back:", s.snapshot())

with s.transaction("quiet"):
    s["x"] = 1000
    raise TransactionError("swallowed")
print("after swallowed error:", s.snapshot())
print(s.audit[-4:])


def find_first(items, pred, trace):
    for i, item in enumerate(items):
        try:
            if item is None:
                continue
            if pred(item):
                return i, item
            if item == "stop":
                break
        finally:
            trace.append(i)
    return None


for items in (["a", None, "bb", "ccc"], ["a", "stop", "dddd"], [None, None]):
    trace = []
    print(find_first(items, lambda s: len(s) > 1, trace), trace)


def finally_overrides():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


def nested_finally(n):
    log = []
    try:
        try:
            if n == 0:
                return log
            raise ValueError(n)
        finally:
            log.append("inner")
    except ValueError as e:
        log.append(f"caught {e}")
        return log
    finally:
        log.append("outer")


print(finally_overrides())
print(nested_finally(0), nested_finally(1))

multipliers = []
for k in range(1, 4):
    def mul(x, k=k):
        return x * k
    multipliers.append(mul)
shared = []
for k in range(1, 4):
    shared.append(lambda x: x * k)
print([f(10) for f in multipliers], [f(10) for f in shared])


def make_counters(names):
    counters = {}
    for name in names:
        def make(n):
            count = 0

            def inc(step=1):
                nonlocal count
                count += step
                return f"{n}:{count}"
            return inc
        counters[name] = make(name)
    return counters


c = make_counters(["a", "b"])
print(c["a"](), c["a"](), c["b"](5), c["a"](10))


def describe(*args, sep=", ", **kwargs):
    parts = [f"{a!r}" for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return sep.join(parts) or "(nothing)"


print(describe())
print(describe(1, "two", [3]))
print(describe(*range(3), **{"z": 1, "a": 2}, sep=" | "))
opts = {"sep": "; ", "extra": None}
print(describe(*"xy", **opts))
