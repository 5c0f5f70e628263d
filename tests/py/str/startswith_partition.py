# startswith, endswith (tuples, bounds), partition, rpartition.
s = "hello_world.py"
print(s.startswith("hello"), s.startswith("world"), s.startswith(("x", "he")))
print(s.endswith(".py"), s.endswith((".txt", ".md")), s.endswith(""), s.startswith(""))
print(s.startswith("world", 6), s.startswith("wor", 6, 8), s.endswith("hello", 0, 5))
print(s.partition("_"), s.partition("."), s.partition("zz"))
print(s.rpartition("_"), s.rpartition("o"), s.rpartition("zz"))
print("a=b=c".partition("="), "a=b=c".rpartition("="))
print("".partition("x"), "x".partition("x"))
head, sep, tail = "key: value".partition(": ")
print(repr(head), repr(sep), repr(tail))
print("😀smile".startswith("😀"), "naïve".endswith("ïve"))
