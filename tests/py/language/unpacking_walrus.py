# unpacking everywhere, walrus, chained comparisons evaluating once
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, *rest) in enumerate([("a", 1, 2), ("b",)]):
    print(i, k, rest)
first, *_ = "hello"
print(first)
*init, last = [1]
print(init, last)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1]
except ValueError as e:
    print("ValueError:", e)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, {*[1, 1, 2]})
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long list", n)
print([y for v in data if (y := v * 2) > 5])
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(5), calls)
def swap_test():
    a, b = 1, 2
    a, b = b, a
    return a, b
print(swap_test())
d = {}
d["x"], d["y"] = 10, 20
print(d)
lst = [0, 0, 0]
lst[0], lst[2] = 5, 7
print(lst)
