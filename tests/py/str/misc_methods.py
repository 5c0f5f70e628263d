# Remaining methods: encode, maketrans/translate, ljust in tables, count of words.
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "cab".translate(table))
t2 = str.maketrans({"a": "1", "b": None})
print("abcab".translate(t2))
t3 = str.maketrans("ae", "AE", "x")
print("maxe".translate(t3))
print("Hello".encode(), "é".encode(), "ascii".encode("ascii"))
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for r in rows:
    print(r[0].ljust(12) + str(r[1]).rjust(4) + ("%.2f" % r[2]).rjust(8))
print("a-b_c d".replace("-", " ").replace("_", " ").split())
s = "The rain in Spain stays mainly in the plain"
print(s.lower().count("ain"), s.count(" ") + 1, s.index("Spain"))
print(s.split()[::2], " ".join(s.split()[-3:]))
print(str.upper("abc"), str.join("-", ["a", "b"]), str.__name__)
print("abc".__len__(), "abc".__contains__("b"), "ab".__add__("cd"))
