# Recursive generators, generator state, permutations by hand, and RecursionError in deep delegation
import sys

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))

def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, (2, [3, (4,)]), [[5]]])))

def states():
    g = yield "created"
    print("state inside:", g)
    yield "second"
s = states()
print(s.gi_suspended, s.gi_running)
print(next(s))
print(s.send("value sent"))
print(list(s), s.gi_suspended)

def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)
print(next(deep(200)))
try:
    next(deep(5000))
except RecursionError as e:
    print("RecursionError:", e)

def counter_gen():
    count = 0
    while True:
        cmd = yield count
        if cmd == "reset":
            count = 0
        else:
            count += 1
c = counter_gen()
print([next(c), next(c), c.send("reset"), next(c)])
print(sys.getrecursionlimit() >= 1000)
