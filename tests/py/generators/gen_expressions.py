# Generator expressions and comprehensions: laziness, scope, the outermost iterable evaluated at once
evens = (x for x in range(10) if x % 2 == 0)
print(type(evens).__name__, evens.__name__)
print(next(evens), next(evens), list(evens))
print(sum(x * x for x in range(100)))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(sorted((y for y in "banana"), reverse=True))
print(dict((k, len(k)) for k in ["a", "bb", "ccc"]))
print(sorted(set(c.upper() for c in "hello")))
print(tuple(i for i in range(3)))
print(",".join(str(i) for i in range(5)))

# the outermost iterable is evaluated when the expression is created
xs = [1, 2, 3]
g = (x * 10 for x in xs)
xs = [7, 8]
print(list(g))

# later iterables are evaluated lazily, in the generator's scope
def make():
    n = 2
    return ((i, j) for i in range(n) for j in range(i + 1))
print(list(make()))

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(g))

# comprehensions have their own scope
x = "outer"
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", range(2))})
print({c for c in "mississippi"} == set("misp"))

# nested generator expressions and closures over loop variables
fs = [(lambda: i) for i in range(3)]
print([f() for f in fs])
gs = ((lambda i=i: i) for i in range(3))
print([f() for f in gs])
matrix = [[1, 2], [3, 4]]
print(list(v for row in matrix for v in row))
print(list(list(r * 2 for r in row) for row in matrix))
