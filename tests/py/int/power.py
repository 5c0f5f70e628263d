# ** and pow() with ints: negative exponents give floats, 3-arg pow is modular.
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(-2 ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3)
print(pow(2, 10), pow(2, -1))
print(pow(3, 200, 1000))
print(pow(2, 100, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(5, -2, 13))
print(pow(-3, 3, 5), pow(3, 3, -5))
print(2 ** 3 ** 2)
print((2 ** 3) ** 2)
print(1 ** 1000000, (-1) ** 1000001)
print(7 ** 40)
x = 5
x **= 3
print(x)
print(pow(10, 30) // pow(10, 28))
print(pow(0, 5), pow(1, -1))
print(4 ** 0.5, 8 ** (1 / 3) > 1.99)
