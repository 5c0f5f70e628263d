# A log-processing pipeline of generators: sources, filters, transformers with yield from, a
# coroutine sink driven by send(), exceptions raised inside generators and caught by consumers,
# throw() into a generator, close() running finally blocks, and generator expressions.


class BadRecord(Exception):
    def __init__(self, lineno, text):
        super().__init__(f"line {lineno}: cannot parse {text!r}")
        self.lineno = lineno


events = []


def generate_log(n):
    """A deterministic fake log: a linear congruential sequence picks level, user and latency."""
    levels = ["INFO", "INFO", "INFO", "WARN", "ERROR"]
    users = ["ann", "bob", "cid", "dee"]
    state = 42
    try:
        for i in range(n):
            state = (state * 1103515245 + 12345) % (2 ** 31)
            if i % 37 == 36:
                yield f"garbage line {i}"
                continue
            level = levels[state % 5]
            user = users[(state >> 8) % 4]
            ms = (state >> 12) % 500
            yield f"{i:05d} {level} user={user} ms={ms}"
    finally:
        events.append(f"generate_log({n}) finished")


def parse(lines, strict=False):
    for lineno, line in enumerate(lines, 1):
        parts = line.split()
        if len(parts) != 4 or not parts[2].startswith("user="):
            if strict:
                raise BadRecord(lineno, line)
            events.append(f"skipped line {lineno}")
            continue
        seq, level, user, ms = parts
        yield {"seq": int(seq), "level": level, "user": user[5:], "ms": int(ms[3:])}


def only(records, *levels):
    return (r for r in records if r["level"] in levels)


def slow(records, threshold):
    for r in records:
        if r["ms"] >= threshold:
            yield r


def batched(items, size):
    batch = []
    for x in items:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(nested):
    for x in nested:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


def chain(*iterables):
    for it in iterables:
        yield from it


def running_stats():
    """A coroutine: send it numbers; it yields (count, mean, max) after each one."""
    count = 0
    total = 0
    peak = None
    result = None
    try:
        while True:
            x = yield result
            if x is None:
                continue
            count += 1
            total += x
            peak = x if peak is None or x > peak else peak
            result = (count, round(total / count, 2), peak)
    except GeneratorExit:
        events.append(f"stats closed after {count}")
        raise


def delegator():
    result = yield from accumulate_until_none()
    events.append(f"sub-generator returned {result}")
    yield result * 10


def accumulate_until_none():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


recs = list(parse(generate_log(200)))
print(len(recs), recs[0], recs[-1])
errors = list(only(recs, "ERROR"))
print("errors:", len(errors), [r["seq"] for r in errors[:8]])
slow_warn = list(slow(only(iter(recs), "WARN", "ERROR"), 400))
print("slow warn/error:", [(r["seq"], r["ms"]) for r in slow_warn])
per_user = {}
for r in recs:
    per_user.setdefault(r["user"], []).append(r["ms"])
for user, ms in sorted(per_user.items()):
    print(f"{user}: n={len(ms)} mean={sum(ms) / len(ms):.1f} max={max(ms)} min={min(ms)}")
print("batch sizes:", [len(b) for b in batched(recs, 50)])
print(events)
events.clear()

stats = running_stats()
print(next(stats))
for r in recs[:6]:
    print(r["ms"], stats.send(r["ms"]))
print(stats.send(None))
stats.close()
print(events, stats.send.__name__)
try:
    stats.send(1)
except StopIteration:
    print("closed generator raises StopIteration")
events.clear()

try:
    for r in parse(generate_log(100), strict=True):
        pass
except BadRecord as e:
    print("BadRecord:", e, "| lineno", e.lineno)
print(events)
events.clear()

source = generate_log(10)
print(next(source))
source.close()
print(events, list(source))
events.clear()

g = generate_log(5)
print(next(g))
try:
    g.throw(ValueError("stop now"))
except ValueError as e:
    print("thrown back out:", e)
print(events)
events.clear()

print(list(flatten([1, [2, [3, [4, [5]]]], [], [[6, 7], 8]])))
print(list(chain("ab", [1, 2], (x * x for x in range(3)), {"k": 1})))
d = delegator()
print(next(d), d.send(5), d.send(7), d.send(None))
print(events)

gen_sum = sum(r["ms"] for r in recs if r["user"] == "ann")
print(gen_sum == sum(per_user["ann"]))
squares = (n * n for n in range(10))
print(next(squares), next(squares), list(squares), list(squares))
pairs = [(a, b) for a in range(4) for b in range(a) if (a + b) % 2]
print(pairs)
nested_gen = (sum(row) for row in ((i * j for j in range(4)) for i in range(4)))
print(list(nested_gen))
top3 = sorted(recs, key=lambda r: (-r["ms"], r["seq"]))[:3]
print([(r["seq"], r["ms"]) for r in top3])
