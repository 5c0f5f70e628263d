# &, |, ^ and ~ act as if ints had infinitely many sign bits.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(~0, ~-1, ~255, ~(-256))
print(-12 & 10, -12 | 10, -12 ^ 10)
print(-12 & -10, -12 | -10, -12 ^ -10)
big = 2 ** 100 + 2 ** 50 + 1
print(big & (2 ** 64 - 1))
print(big | 0xFF)
print(big ^ big, big ^ -1, ~big)
print(-(2 ** 80) & 0xFFFF, -(2 ** 80) & (2 ** 90 - 1))
print(0xFFFFFFFF & -1, -1 & 0, 0 | -1)
x = 0
x |= 1
x |= 4
x ^= 5
x |= 8
x &= 12
print(x)
print(0b1111 & 0b0110 == 0b0110, (7 & 3) | 8)
print(True & True, True | False, True ^ True, 6 & True)
