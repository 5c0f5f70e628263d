# TypeError: ordering comparisons between int and str, as hit by sorted().
print(sorted([3, 1, 2]))
print(sorted(["b", "a"]))
print(1 == "1", 1 != "1")
mixed = [3, "two", 1]
print(sorted([2.5, 1, True]))
print(max(['b', 'a']), min([3, 1.5]))
print(sorted(mixed, key=str))
print("sorting", mixed)
print(sorted(mixed))
