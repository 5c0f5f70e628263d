# throw() and close(): where the exception lands, finally blocks, GeneratorExit
def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("handled", repr(e))
        yield "recovered"
    finally:
        print("cleanup")

g = guarded()
print(next(g))
print(g.throw(ValueError("bad")))
try:
    next(g)
except StopIteration:
    print("done")

g = guarded()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(g.gi_suspended, list(g))

# throw with a class, and with a class and a value
g = guarded()
next(g)
print(g.throw(ValueError))
g.close()
g = guarded()
next(g)
print(g.throw(ValueError, "as value"))
g.close()

# throw into a fresh generator: raised before the first line runs
def fresh():
    print("never")
    yield
try:
    fresh().throw(RuntimeError("early"))
except RuntimeError as e:
    print("early:", e)

# close() on a suspended generator runs finally; on a finished or fresh one it does nothing
g = guarded()
next(g)
g.close()
print("closed", g.gi_suspended)
g.close()
guarded().close()

# GeneratorExit can be caught, but yielding afterwards is an error
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("exiting quietly")
        return "ignored"
w = swallow()
next(w)
print(w.close())

# an exception raised while closing comes out of close()
def angry():
    try:
        yield
    finally:
        raise ValueError("from finally")
a = angry()
next(a)
try:
    a.close()
except ValueError as e:
    print("close raised", e)

# throw() returns the next value yielded
def counter():
    n = 0
    while True:
        try:
            yield n
        except Exception as e:
            print("reset by", type(e).__name__)
            n = -1
        n += 1
c = counter()
print(next(c), next(c), c.throw(TypeError), next(c))

# generator already executing
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# bad arguments
try:
    counter().throw(5)
except TypeError as e:
    print("TypeError:", e)
try:
    counter().throw(ValueError("x"), 1)
except TypeError as e:
    print("TypeError:", e)
