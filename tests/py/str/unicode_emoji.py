# Non-ASCII text: lengths, indexing and slicing count code points, not UTF-16 units.
s = "naïve café 😀 日本語"
print(s, len(s))
print(s[2], s[-1], s[11], s[11:12], s[-3:])
i = 0
for ch in "a😀é":
    print(i, ch, ord(ch), hex(ord(ch)))
    i += 1
e = "😀😃😄"
print(len(e), e[1], e[::-1], e[1:], e.find("😄"), e.index("😃"))
print(chr(128512), chr(233), chr(0x65E5), chr(65) + chr(0x301))
print(len("e\u0301"), "e\u0301" == "é", len("é"))
print("👍🏽", len("👍🏽"), "👨‍👩‍👧", len("👨‍👩‍👧"))
print("🇧🇷", len("🇧🇷"), list("🇧🇷"))
print("日本語".encode("utf-8"), len("日本語".encode("utf-8")), len("😀".encode("utf-8")))
print(b"\xf0\x9f\x98\x80".decode("utf-8"), "é".encode("utf-8").decode("utf-8"))
print(str("😀") * 2, "x😀y".split("😀"), "😀".join(["a", "b"]))
print(ascii("naïve 😀"), repr("naïve 😀"))
print("\N{GREEK SMALL LETTER ALPHA}", "\u03b1" == "α", "\U0001F600" == "😀")
