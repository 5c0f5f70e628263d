# Mixing tuple targets in a chain.
pair = a, b = 1, 2
(c, d) = e = (3, 4)
[f, g] = h, i = "xy"
m = n, *rest = range(5)
obj = type("O", (), {})()
obj.x, obj.y = obj.z = w = 7, 8
print(pair, a, b, c, d, e, f, g, h, i, m, n, rest, w)
