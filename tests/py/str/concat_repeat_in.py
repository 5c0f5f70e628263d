# +, *, in, not in and len.
a = "foo"
b = "bar"
print(a + b, a + " " + b, a * 3, 3 * b, a * 0, repr(a * -1))
print("ab" * 1, "-" * 20, "=" * 0 + "!")
print("oo" in a, "fb" in a + b, "" in a, "" in "", "x" not in a)
print(len(a + b), len(a * 100), len(""))
s = ""
i = 0
while i < 5:
    s += str(i)
    print(s)
    i += 1
s *= 2
print(s)
print("a" + "b" * 3 + "c", ("a" + "b") * 3)
words = ["x", "y", "z"]
acc = ""
for w in words:
    acc = acc + w + ","
print(acc, acc[:-1])
print("ß" * 3, "日本" + "語", "🐍" * 4, len("🐍" * 4))
