# slice objects: repr, attributes, indices(), use as subscripts.
s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step)
print(slice(3), slice(None), slice(1, None), slice(None, None, -1))
print(slice(1, 5) == slice(1, 5), slice(1, 5) == slice(1, 5, None), slice(1, 5) == slice(1, 6))
data = list(range(10))
print(data[s], "abcdefgh"[s], tuple(range(10))[s], range(10)[s])
print(s.indices(10), s.indices(3), slice(None, None, -1).indices(5))
print(slice(-3, None).indices(10), slice(-100, 100).indices(7), slice(None, None, 3).indices(10))
print(slice(5, 1, -1).indices(10), slice(None, -20, -1).indices(10))
rev = slice(None, None, -1)
print("hello"[rev], data[rev][:3])
cut = slice(2, -2)
print(data[cut], "slicing"[cut])
data[slice(0, 3)] = ["a", "b"]
print(data)
del data[slice(None, None, 4)]
print(data)
print(type(s).__name__, slice(1, 2, 3).step, slice("a", "b").start)
