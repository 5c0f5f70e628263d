# ValueError: chr() outside the Unicode range.
print(chr(65), chr(0x10FFFF) == "\U0010ffff")
for c in [0x41, 0xe9, 0x1F600]:
    print(hex(c), chr(c))
code = 0x10FFFF
print(code)
print(ord(chr(code - 1)) == code - 1)
code += 1
print("chr of", hex(code))
print(chr(code))
