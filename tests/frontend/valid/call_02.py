import functools
import operator

total = functools.reduce(operator.add, range(10), 0)
printer = print
printer("a", "b", sep=", ", end="\n")
sorted([3, 1, 2], key=lambda v: -v, reverse=True)
max((len(w) for w in "one two three".split()), default=0)
dict(zip("abc", range(3)), extra=True)
getattr(functools, "partial")(print, "x")()
(lambda *a: a)(*range(3))
sum(x * x for x in range(5) if x % 2)
any(n > 3 for n in (1, 2, 5))
