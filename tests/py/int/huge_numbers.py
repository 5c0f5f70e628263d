# Arbitrary precision: powers, products and their decimal forms.
a = 2 ** 100
print(a)
print(a + 1)
print(a - 2 ** 99)
print(a * a)
b = 3 ** 200
print(b)
print(len(str(b)))
print(-b)
c = 1
i = 1
while i <= 30:
    c = c * i
    i += 1
print("30! =", c)
print(c // 10 ** 20, c % 10 ** 20)
print(10 ** 50 - 1)
print(10 ** 50 + 10 ** 25)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63))
print(2 ** 1000 // 2 ** 998)
print(99999999999999999999 * 99999999999999999999)
print(123456789012345678901234567890 + 987654321098765432109876543210)
print(123456789012345678901234567890 - 987654321098765432109876543210)
print(7 ** 77 == 7 ** 76 * 7)
print(2 ** 53 + 1, 2 ** 53 + 1 == 9007199254740993)
