# ValueError: int() of a non-numeric string.
inputs = ["12", " 7 ", "-3", "0x10"]
for s in inputs[:3]:
    print(repr(s), int(s))
print(int(inputs[3], 16))
print(int('  -9  '), int('1_000'), int('٣'))
print(int(float('2.5')))
print(int('+0'), int('00042'))
print("parsing 'abc'")
print(int("abc"))
