# yield from: delegation of next, send, throw and close, and the value it returns
def sub():
    got = []
    while len(got) < 2:
        x = yield len(got)
        got.append(x)
    return got

def main():
    result = yield from sub()
    print("sub returned", result)
    result2 = yield from [10, 20]
    print("list gives", result2)
    yield from range(2)
    return "main done"

m = main()
print(next(m), m.send("a"), m.send("b"), next(m), next(m), next(m))
try:
    next(m)
except StopIteration as e:
    print("StopIteration", e.value)

# recursive delegation: walking a tree
def walk(tree):
    if isinstance(tree, list):
        for t in tree:
            yield from walk(t)
    else:
        yield tree
print(list(walk([1, [2, [3, [4, 5]], 6], [[7]]])))

# throw() goes to the innermost generator
def leaf():
    try:
        yield "leaf"
    except KeyError:
        yield "leaf caught"
    yield "leaf after"

def mid():
    yield from leaf()
    yield "mid after"

g = mid()
print(next(g), g.throw(KeyError), next(g), next(g))

# an exception the inner generator does not handle reaches the outer one
def mid2():
    try:
        yield from leaf()
    except ValueError as e:
        yield "mid2 caught " + str(e)
g = mid2()
next(g)
print(g.throw(ValueError("v")))

# close() closes the inner generator first
def inner_fin():
    try:
        yield 1
    finally:
        print("inner finally")
def outer_fin():
    try:
        yield from inner_fin()
    finally:
        print("outer finally")
o = outer_fin()
next(o)
o.close()

# the inner generator's return value when thrown into
def ret_on_throw():
    try:
        yield 1
    except ValueError:
        return "returned after throw"
def wrapper():
    v = yield from ret_on_throw()
    yield v
w = wrapper()
next(w)
print(w.throw(ValueError))

# yield from an iterator class with send
class Echo:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("echo done")
        return self.n
    def send(self, v):
        return ("echo", v)

def use_echo():
    r = yield from Echo()
    yield r
e = use_echo()
print(next(e), e.send("hi"), next(e), next(e), next(e))

try:
    def bad():
        yield from 42
    next(bad())
except TypeError as e:
    print("TypeError:", e)

# gi_yieldfrom
def show():
    yield from sub()
s = show()
print(s.gi_yieldfrom)
next(s)
print(type(s.gi_yieldfrom).__name__)
