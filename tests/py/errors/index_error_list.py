# IndexError: list index out of range.
items = ["a", "b", "c"]
print(items[0], items[2], items[-3])
i = 0
while i < len(items):
    print(i, items[i])
    i += 1
print(items[-1], items[:10], items[i - 1])
print("index", i)
print(items[i])
