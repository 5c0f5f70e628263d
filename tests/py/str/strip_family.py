# strip, lstrip, rstrip, removeprefix, removesuffix.
s = "   hello world \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("www.example.com".strip("cmowz."), "abcba".strip("ab"), repr("aaa".strip("a")))
print(repr("".strip()), repr("  ".strip()), "no-op".strip())
print("\u00a0nbsp\u00a0".strip() == "nbsp", "\u3000wide\u3000".strip())
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("x"))
print("file.txt".removesuffix(".txt"), "file.txt".removesuffix(".py"))
print("aaa".removeprefix("a"), "aaa".removesuffix("aa"))
print("0012300".lstrip("0"), "0012300".rstrip("0"), "0012300".strip("0"))
print("--==text==--".strip("-="), "--==text==--".strip("="))
