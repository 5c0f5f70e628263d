# The program the build runs to make the code cache (scripts/build-bundle.mjs, docs/STARTUP.md): every
# function of gilpy this run calls is compiled in dist/gilpy-core.cache, and so in the start-up snapshot
# (compiled, without feedback); a function it does not call is compiled at its first call in each process
# that calls it. So it does what small programs commonly do: import sys and read argv, define and call
# functions (recursively), branch, loop, build lists, dicts and strings, define a class, catch an
# exception, print; and it leaves the module's function/globals cycle for the exit's collection.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
squares = [i * i for i in range(n)]
counts = {}
for word in 'a b a c b a'.split():
    counts[word] = counts.get(word, 0) + 1
try:
    squares[n]
except IndexError as e:
    caught = str(e)
total = 0
i = 0
while i < n:
    total += Point(i, 2).norm2()
    i += 1
print(fib(n), sum(x * 2 for x in range(3)), squares[-1], sorted(counts.items()), caught, f'{total:d}', len(sys.argv))
