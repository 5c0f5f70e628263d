def bits(n):
    mask = 0xFFFF_FFFF
    flags = [0b0001, 0b0010, 0b0100, 0b1000]
    perms = 0o644, 0o755, 0o000
    return n & mask, flags, perms


x = 1 .real
y = 0x10.bit_length()
z = 0b1.__add__(1)
w = (5).to_bytes(2, "big")
big_attr = 10000000000000000000000 .bit_length()
