total = 0
for i in range(10):
    total += i
for ch in "hello":
    print(ch)
for key, value in {"a": 1}.items():
    print(key, value)
for (a, b) in [(1, 2)]:
    pass
for [c, d] in [[3, 4]]:
    pass
for i, (x, y) in enumerate(zip("ab", "cd")):
    pass
