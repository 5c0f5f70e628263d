# ValueError: extended slice assignment with the wrong length.
a = list(range(6))
a[::2] = ["x", "y", "z"]
print(a)
a[1:3] = []
print(a)
print(a[::2], a[1::2])
a[::2] = ['p', 'q']
print(a)
print("assigning 2 items to a slice of 2? no, of", len(a[::2]))
a[::2] = [1, 2, 3]
