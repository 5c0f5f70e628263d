# replace with counts, empty patterns and chained calls.
s = "one two one three one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 1), s.replace("one", "1", 2), s.replace("one", "1", 0))
print(s.replace("one", "1", -1), s.replace("four", "4"))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("aaa".replace("a", "aa"), "aaaa".replace("aa", "b"), "banana".replace("ana", "X"))
print("a.b.c".replace(".", ""), "tab\there".replace("\t", "    "))
print("hello".replace("l", "L").replace("o", "0").upper())
print("déjà vu".replace("é", "e").replace("à", "a"), "🐍🐍".replace("🐍", "py"))
print(" x ".replace(" ", "_"), "mississippi".replace("ss", "SS", 1))
