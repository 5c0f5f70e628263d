# find, rfind, index, rindex, count with and without bounds.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find(""), s.find("a", 1), s.find("a", 1, 3))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind(""), s.rfind("a", 0, 5))
print(s.index("c"), s.rindex("a"), s.index("a", 4), s.rindex("bra", 0, 8))
print(s.count("a"), s.count("bra"), s.count(""), s.count("a", 5), s.count("a", 5, 8))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"))
print(s.find("a", -3), s.count("a", -4, -1), s.find("abra", 100))
print("".find(""), "".count(""), "abc".find("", 3), "abc".find("", 4))
print("héllo wörld".find("wö"), "😀a😀b".find("b"), "😀a😀b".count("😀"))
text = "the cat sat on the mat with the hat"
pos = text.find("the")
while pos != -1:
    print("found at", pos)
    pos = text.find("the", pos + 1)
