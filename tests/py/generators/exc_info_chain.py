# sys.exc_info() in a generator resumed inside the caller's except block, after the generator's own handler ends
import sys
def g():
    try:
        raise ValueError("a")
    except ValueError:
        print(sys.exc_info()[0])
        yield 1
        print(sys.exc_info()[0])
    print(sys.exc_info()[0])
    yield 2
it=g(); next(it); print("outside", sys.exc_info()[0])
try:
    raise KeyError
except KeyError:
    next(it)
    print("in handler", sys.exc_info()[0])
print("end", sys.exc_info()[0])
def g2():
    yield sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    print(next(g2()))
