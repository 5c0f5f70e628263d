# AttributeError with CPython 3.11's "Did you mean" suggestion.
items = [1, 2]
items.append(3)
print(items)
items.extend([5, 6])
items.insert(0, 0)
print(items, items.count(5), items.index(6))
print(len(items))
print("calling items.apend")
items.apend(4)
