# Reading slices of lists.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::3], a[::-1])
print(a[8:2:-2], a[-1:-5:-1], a[100:], a[-100:2], a[5:5], a[5:2])
s = a[:]
print(s == a, s is a)
i = -4
while i < 5:
    print(i, a[i:i + 3], a[i::4])
    i += 2
nested = [[1, 2], [3, 4], [5, 6]]
part = nested[1:]
part[0].append(99)
print(nested, part)
print(a[slice(2, 8, 3)], a[slice(None, None, -3)])
