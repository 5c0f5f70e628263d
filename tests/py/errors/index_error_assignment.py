# IndexError: list assignment index out of range.
a = [0, 0, 0]
a[2] = 5
a[-3] = 1
print(a)
a[1:1] = [7, 7]
print(a, len(a))
del a[1:3]
print(a)
print("assigning a[3]")
a[3] = 9
