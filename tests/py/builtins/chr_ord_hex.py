# chr, ord, hex, oct, bin.
print(chr(65), chr(97), chr(48), chr(32) == " ", chr(10) == "\n", chr(233), chr(0x1F600), chr(0x10FFFF) == "\U0010ffff")
print(ord("A"), ord("z"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"), ord("\x00"))
alphabet = ""
for code in range(ord("a"), ord("z") + 1):
    alphabet += chr(code)
print(alphabet, len(alphabet))
print(hex(0), hex(255), hex(-1), oct(64), oct(-7), bin(10), bin(-10), bin(2 ** 70))
print(int(hex(4095), 16), int(bin(1023), 2), int(oct(511), 8))
print(hex(ord("😀")), bin(ord("A")), chr(int("41", 16)))
s = "Hi!"
codes = []
for ch in s:
    codes.append(ord(ch))
print(codes, "".join(map(chr, codes)))
