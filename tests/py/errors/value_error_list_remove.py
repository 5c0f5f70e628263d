# ValueError: list.remove of a missing value.
items = ["a", "b", "c"]
items.remove("b")
print(items)
items.append("d")
print(items, items.index("d"))
items.remove('a')
print(items)
print('c' in items, 'z' in items)
print("removing 'z'")
items.remove("z")
