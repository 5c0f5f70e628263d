# Exceptions inside generators: handlers, sys.exc_info, context chaining, StopIteration -> RuntimeError
import sys

def handler_yields():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

g = handler_yields()
print(next(g))
print(sys.exc_info()[0])   # the generator's handled exception does not leak out
print(next(g))
print(next(g))

# the caller's handled exception is visible in the generator
def peek():
    yield sys.exc_info()[0]
try:
    raise ValueError
except ValueError:
    print(next(peek()))

# context chaining of an exception raised in a generator during handling
def chained():
    try:
        1 / 0
    except ZeroDivisionError:
        yield "handling"
        raise ValueError("second")
c = chained()
next(c)
try:
    next(c)
except ValueError as e:
    print(type(e.__context__).__name__)

# StopIteration escaping a generator becomes RuntimeError (PEP 479)
def leaky():
    yield 1
    next(iter([]))
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)

# returning inside try/finally in a generator
def fin_return():
    try:
        yield 1
        return "r"
    finally:
        print("finally before StopIteration")
f = fin_return()
next(f)
try:
    next(f)
except StopIteration as e:
    print("value", e.value)

# break out of a for loop over a generator, the generator is closed when dropped
def tracked(name):
    try:
        for i in range(10):
            yield i
    finally:
        print(name, "closed")
for x in tracked("loop"):
    if x == 2:
        break
print("after loop")

def use():
    for x in tracked("in function"):
        return x
print(use())

# an exception thrown from a generator's consumer
def producer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit")
        raise
try:
    for v in producer():
        raise IndexError("consumer failed")
except IndexError as e:
    print("IndexError:", e)
print("end")
