# Every augmented assignment operator
x = 10
x += 1
x -= 2
x *= 3
x /= 4
x //= 5
x %= 6
x **= 2
n = 255
n >>= 1
n <<= 2
n &= 0xF0
n ^= 0b1010
n |= 0o7
print(x, n)
