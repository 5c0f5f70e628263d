# Printing order of int sets follows CPython's hash table (hash(n) == n, 8 slots, growth by 4x, linear probes).
s = set()
for x in [9, 2, 7, 4, 0, 11, 5]:
    s.add(x)
    print(s)
for x in [2, 7, 11]:
    s.discard(x)
    print(s)
print({10, 20, 30} | {5, 15, 25})
print(set(range(20, 0, -3)))
print(frozenset([7, 6, 5, 4, 3, 2, 1]))
print({1, 2, 3} ^ {3, 4, 5}, {8, 6, 4} - {6})
print(set(range(0, 20, 2)) & set(range(0, 20, 3)))
print({9, 1} | {17}, {33, 1, 65}, {8, 16, 24, 0})
