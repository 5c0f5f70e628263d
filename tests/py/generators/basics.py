# Generators: yield, return value, next/send, exhaustion, repr and attributes
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "finished"

g = count_up(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.gi_running, g.gi_suspended, g.gi_code is count_up.__code__)
print(next(g), next(g), next(g))
print(g.gi_suspended)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)
print(next(g, "default"))
print(iter(g) is g)

def no_return():
    yield 1
g = no_return()
next(g)
try:
    g.__next__()
except StopIteration as e:
    print("value", e.value, e.args)

class Box:
    def gen(self):
        yield self
print(type(Box().gen()).__qualname__ if False else Box().gen().__qualname__)

def outer():
    def inner():
        yield 1
    return inner()
print(outer().__qualname__)

# a generator's body does not run until the first next()
def noisy():
    print("started")
    yield "a"
    print("resumed")
    yield "b"
    print("ending")
n = noisy()
print("created")
for x in n:
    print("got", x)

# send
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total

a = acc()
print(a.send(None))
print(a.send(5), a.send(7))
try:
    a.send(None)
except StopIteration as e:
    print("total", e.value)

try:
    acc().send(1)
except TypeError as e:
    print("TypeError:", e)

# yielding in expressions
def pairs():
    x = (yield 1) or 10
    y = yield x + 1
    yield x, y
p = pairs()
print(next(p), p.send(None), p.send("y"))

# empty generator and generators with return only
def empty():
    return 5
    yield
print(list(empty()))

# generators share nothing between calls
g1, g2 = count_up(2), count_up(2)
print(next(g1), next(g1), next(g2))
