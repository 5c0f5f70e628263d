# comprehensions have their own scope; class bodies and comprehensions; nested comprehensions
x = 10
print([x for x in range(3)], x)
print({k: [v * k for v in range(k)] for k in range(4)})
class C:
    n = 3
    items = [i * 2 for i in range(3)]
    try:
        broken = [n for _ in range(2)]
    except NameError as e:
        msg = str(e)
print(C.items, C.msg)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [[row[i] for row in matrix] for i in range(3)])
print(sorted({c for word in ["hello", "world"] for c in word if c not in "lo"}))
def f():
    ys = [lambda: y for y in range(3)]
    return [g() for g in ys]
print(f())
print(list(zip(*[(1, "a"), (2, "b")])))
print({i: i ** 2 for i in range(5) if i % 2})
print(sum(i for i in range(10) if i % 3 == 0), any(c.isdigit() for c in "ab1"), min((n for n in [5, 3, 8]), default=0))
