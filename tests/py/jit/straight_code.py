# Functions without loops, which compiled code lays out as straight JS (jit.ts): forward jumps of every
# kind (if/elif/else, and/or, conditional expressions, nested), calls whose callee the loop ran (the
# caller goes on compiled after the call), and calls specialised on the function a global held when the
# caller was compiled, then made with another function, another object of the same code, or a builtin.
import sys


def classify(n):
    if n < 0:
        return -1
    elif n == 0:
        return 0
    elif n < 10:
        if n % 2 == 0:
            return 2
        return 3
    else:
        return 4 if n < 100 else 5


def both(a, b):
    if a > 0 and b > 0:
        return a + b
    if a > 0 or b > 0:
        return a - b
    return 0


def unlisted(x):
    return [x, x + 1][1]  # a list: the loop runs this function, never compiled


def around(x):
    y = unlisted(x)
    z = unlisted(y)  # the loop returns into this compiled frame after each call
    return y + z - x


total = 0
for i in range(-20, 400):
    total += classify(i) + both(i % 7 - 3, i % 5 - 2) + around(i)
print(total)


def double(x):
    return x * 2


def calls_double(x):
    return double(x) + 1


for i in range(100):
    calls_double(i)
print(calls_double(10))


def triple(x):
    return x * 3


double = triple  # another function: the specialised call site makes it by the generic path
print(calls_double(10))


def make():
    def inner(x):
        return x - 1
    return inner


first = make()
second = make()  # another function object of the same code


def calls_inner(x):
    return g(x)


g = first
for i in range(100):
    calls_inner(i)
g = second
print(calls_inner(5), first is second, first.__code__ is second.__code__)
g = abs  # a builtin
print(calls_inner(-5))

big = 10 ** 30


def grow(x):
    return x + big  # a big int: the loop's slow path


for i in range(50):
    grow(i)
print(grow(1) - big, sys.getrefcount(big) > 1)
