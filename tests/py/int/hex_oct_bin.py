# hex, oct and bin, including negatives and large values.
for n in [0, 1, 7, 8, 15, 16, 255, 256, 1000, -1, -255, -256]:
    print(n, hex(n), oct(n), bin(n))
print(hex(2 ** 64), oct(2 ** 64), bin(2 ** 20))
print(hex(2 ** 100 - 1))
print(hex(-(2 ** 70)))
print(0x10, 0o10, 0b10, 0xDEAD_BEEF)
print(int(hex(123456789), 16), int(oct(123456789), 8), int(bin(123456789), 2))
print(format(255, "x"), format(255, "X"), format(255, "o"), format(255, "b"))
print(format(255, "#x"), format(255, "#o"), format(255, "#b"))
print(format(5, "08b"), format(-5, "08b"), format(255, "#010x"))
print(f"{3735928559:x} {3735928559:#X}")
