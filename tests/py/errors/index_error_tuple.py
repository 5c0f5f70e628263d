# IndexError: tuple index out of range.
t = (1, 2)
print(t[0], t[1], t[-2])
print(t[5:], t[-5:])
point = (3, 4, 5)
x, y, z = point
print(x + y + z, point[-1], point[::-1])
print(len(point), point.index(4))
print(t + (3,), t * 2)
print(t[-3])
