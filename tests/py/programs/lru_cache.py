# An LRU cache built from a dict and a hand-written doubly linked list (no collections),
# a decorator that memoises with it, __len__/__contains__/__getitem__/__setitem__/__delitem__/__iter__,
# a sentinel node, statistics, and eviction callbacks held in closures.
import sys


class Node:
    def __init__(self, key=None, value=None):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None

    def __repr__(self):
        return f"Node({self.key!r})"


class LRUCache:
    def __init__(self, capacity, on_evict=None):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head = Node("<head>")
        self.tail = Node("<tail>")
        self.head.next = self.tail
        self.tail.prev = self.head
        self.on_evict = on_evict
        self.hits = 0
        self.misses = 0

    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev
        node.prev = node.next = None

    def _push_front(self, node):
        node.next = self.head.next
        node.prev = self.head
        self.head.next.prev = node
        self.head.next = node

    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def __getitem__(self, key):
        sentinel = object()
        v = self.get(key, sentinel)
        if v is sentinel:
            raise KeyError(key)
        return v

    def __setitem__(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            if self.on_evict is not None:
                self.on_evict(lru.key, lru.value)
        node = Node(key, value)
        self.map[key] = node
        self._push_front(node)

    def __delitem__(self, key):
        node = self.map.pop(key)
        self._unlink(node)

    def __contains__(self, key):
        return key in self.map

    def __len__(self):
        return len(self.map)

    def __iter__(self):
        node = self.head.next
        while node is not self.tail:
            yield node.key
            node = node.next

    def items(self):
        return [(k, self.map[k].value) for k in self]

    def __repr__(self):
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self.items())
        return f"LRUCache({self.capacity}, [{inner}])"

    def check(self):
        # walk both ways and compare with the dict
        fwd = []
        node = self.head.next
        while node is not self.tail:
            fwd.append(node.key)
            node = node.next
        bwd = []
        node = self.tail.prev
        while node is not self.head:
            bwd.append(node.key)
            node = node.prev
        return fwd == bwd[::-1] and sorted(map(str, fwd)) == sorted(map(str, self.map))


evicted = []
cache = LRUCache(3, on_evict=lambda k, v: evicted.append((k, v)))
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    cache[k] = v
print(cache, len(cache))
print(cache["a"], list(cache))
cache["d"] = 4
print(cache, evicted)
print("b" in cache, "a" in cache, cache.get("b", "gone"))
cache["c"] = 30
cache["e"] = 5
print(cache, evicted)
try:
    cache["zzz"]
except KeyError as e:
    print("KeyError", e)
del cache["c"]
print(cache, len(cache), cache.check())
try:
    del cache["c"]
except KeyError as e:
    print("KeyError on del", e)
print(f"hits={cache.hits} misses={cache.misses}")

try:
    LRUCache(0)
except ValueError as e:
    print("ValueError", e)


def lru_memo(capacity):
    def decorate(fn):
        store = LRUCache(capacity)

        def wrapper(*args):
            if args in store:
                return store[args]
            result = fn(*args)
            store[args] = result
            return result

        wrapper.cache = store
        wrapper.__name__ = fn.__name__
        return wrapper
    return decorate


@lru_memo(64)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru_memo(2)
def slow_square(x):
    slow_square.calls += 1
    return x * x


slow_square.calls = 0
print(fib(80), fib.__name__, len(fib.cache), fib.cache.hits, fib.cache.misses)
for x in [1, 2, 1, 3, 1, 2, 2, 4]:
    slow_square(x)
print("calls", slow_square.calls, list(slow_square.cache))

# a workload: reuse distance pattern, compare hit rates by capacity
trace = [(i * 7 + (i // 5)) % 23 for i in range(400)]
for cap in (1, 4, 8, 16, 23, 32):
    c = LRUCache(cap)
    for key in trace:
        if c.get(key) is None:
            c[key] = key * key
    print(f"cap={cap:2d} hits={c.hits:3d} misses={c.misses:3d} ok={c.check()} rate={c.hits / len(trace):.3f}")

# closures captured in a loop: the classic late binding, and the default-argument fix
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])

# nodes hold references to each other: the cycle is freed when the cache goes away
n1 = Node(1)
print(sys.getrefcount(n1))
c = LRUCache(2)
c.map[1] = n1
c._push_front(n1)
print(sys.getrefcount(n1))
del c
print(sys.getrefcount(n1) >= 2)
