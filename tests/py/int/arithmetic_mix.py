# Operators, precedence and augmented assignment on ints.
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a + b * 2, (a + b) * 2, a - b - 3, a - (b - 3))
print(a * b % 7, a % b * 7, -a ** 2, (-a) ** 2)
print(2 * 3 ** 2, 100 // 7 // 2, 2 ** 2 ** 3)
x = 1
x += 10
print(x)
x -= 3
print(x)
x *= 7
print(x)
x //= 4
print(x)
x %= 5
print(x)
x **= 10
print(x)
x <<= 3
print(x)
x >>= 1
print(x)
x /= 2
print(x, type(x))
total = 0
i = 0
while i < 100:
    total += i * i
    i += 1
print(total)
print(sum(range(1, 101)), sum(range(1, 10001)))
