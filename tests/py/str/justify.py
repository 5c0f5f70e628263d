# center, ljust, rjust, zfill and expandtabs.
print("[" + "ab".center(5) + "]", "[" + "abc".center(6) + "]", "[" + "a".center(4) + "]")
print("[" + "ab".center(6) + "]", "[" + "abc".center(5) + "]", "[" + "abcd".center(2) + "]")
print("[" + "ab".center(7, "*") + "]", "[" + "abc".center(8, "-") + "]")
print("[" + "x".ljust(5) + "]", "[" + "x".rjust(5) + "]", "[" + "x".ljust(5, ".") + "]")
print("[" + "long text".ljust(3) + "]", "[" + "é".rjust(3, "ü") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "abc".zfill(6), "12345".zfill(3))
print("".zfill(3), "-".zfill(3), "3.14".zfill(8), "-0.5".zfill(6))
print("a\tb\tc".expandtabs(), "a\tb\tc".expandtabs(4), "ab\tc\nabcde\tf".expandtabs(4))
width = 1
while width <= 9:
    print("|" + "mid".center(width, "~") + "|")
    width += 1
