# Limits of doubles: overflow to inf through multiplication, underflow to 0.
big = 1e308
print(big * 10, big * -10, big + big)
small = 5e-324
print(small, small / 2, small * 0.5, small * 0.6, -small / 2)
x = 1.0
count = 0
while x != float("inf"):
    x *= 2
    count += 1
print(count, x)
y = 1.0
count = 0
while y > 0:
    y /= 2
    count += 1
print(count, y)
print(2.0 ** 1023 * 2, 2.0 ** -1075, 2.0 ** -1074)
print(1.7976931348623157e308 + 1e292, 1.7976931348623157e308 + 1e291)
print(float(2 ** 1023), 1e-320, 1e-320 * 1e10)
