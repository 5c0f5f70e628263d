# Comparisons between ints, chained comparisons and big-int ordering.
a = 10 ** 20
b = 10 ** 20 + 1
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(-a < -b, -a > -b)
print(1 < 2 < 3, 1 < 2 > 3, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(0 == -0, 5 == 5.0, 5 == 5.5, 2 ** 53 + 1 == 2.0 ** 53)
print(10 ** 30 > 1e29, 10 ** 30 < 1e31)
print(2 ** 1000 > 1e300, 2 ** 1024 > 1e308)
x = 5
print(1 < x < 10, 10 < x < 20, x == 5 == 5.0)
print(max(3, 10 ** 18, -(10 ** 30)), min(3, 10 ** 18, -(10 ** 30)))
print(sorted([10 ** 20, -5, 3, 2 ** 70, -(2 ** 70), 0]))
print(True == 1, False == 0, True > False, True + 1 == 2)
