# int methods and attributes.
n = 1000
print(n.bit_length(), (0).bit_length(), (-1).bit_length(), (255).bit_length(), (256).bit_length())
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length())
print((10).real, (10).imag, (10).numerator, (10).denominator)
print((-7).conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print((-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xff", "big", signed=True))
print((12).as_integer_ratio())
print((37).bit_count(), (-37).bit_count(), (2 ** 100 - 1).bit_count())
print(int.__name__, type(n).__name__)
print(isinstance(n, int), isinstance(True, int), type(True) is int)
