# ValueError: a digit that is invalid for the base.
print(int("ff", 16), int("777", 8), int("101", 2))
print(int("z", 36))
for base in [2, 8, 10, 16]:
    print(base, int('11', base))
print(int('0b11', 0), int('0o11', 0), int('0x11', 0))
print("parsing '102' in base 2")
print(int("102", 3), int("102", 10))
print(int("-11", 2), int("Zz", 36))
print(int("102", 2))
