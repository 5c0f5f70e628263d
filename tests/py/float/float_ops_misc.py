# Unary ops, abs, min/max, truthiness and pow on floats.
x = -2.75
print(-x, +x, abs(x), abs(-0.0), -(-0.0))
print(bool(0.0), bool(-0.0), bool(0.1), bool(float("nan")))
print(pow(2.0, 3), pow(4, 0.5), pow(2, -2.0), pow(-2.0, 2), pow(0.0, 0))
print((-8.0) ** 3, (-2.0) ** -1, 1.0 ** float("inf"), 2.0 ** float("-inf"))
print(max(0.5, 0.25), min(0.5, -0.25), max([1.5, 2.5, 2.0]))
print(sum([0.1] * 10), sum([0.5] * 4))
print(int(2.5 * 4), 2.5 * 4, 7.0 // 1 == 7, 7.9 // 1)
print(1e3 == 1000, 1_000.000_1)
a = 1.5
a += 1
print(a)
a -= 0.25
print(a)
a **= 2
print(a)
print(3.0 * 0.1, 0.1 * 3.0, 0.7 + 0.1, 0.8 - 0.1)
print(1.0 - 0.9, 100.0 - 99.9, 0.1 * 0.1)
