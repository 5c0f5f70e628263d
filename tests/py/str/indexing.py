# Indexing strings, including negative indices.
s = "Python"
print(s[0], s[1], s[5], s[-1], s[-6], s[-2])
i = 0
while i < len(s):
    print(i, s[i], s[-1 - i])
    i += 1
print(type(s[0]), len(s[0]), s[0] == "P")
print("abc"[1], "x"[0], "x"[-1])
word = "indexing"
print(word[len(word) - 1], word[-len(word)])
e = "héllo wörld"
print(e[1], e[7], e[-4], len(e))
