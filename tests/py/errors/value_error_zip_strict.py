# ValueError: zip(strict=True) with unequal lengths.
names = ["a", "b", "c"]
ages = [1, 2]
print(list(zip(names, ages)))
print(list(zip(names[:2], ages, strict=True)))
print(list(zip(names, ages, names)))
print(dict(zip(names, ages)))
print("strict zip of unequal lengths")
for pair in zip(names, ages, strict=True):
    print(pair)
