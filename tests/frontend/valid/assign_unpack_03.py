# Nested unpacking
(a, (b, c)) = 1, (2, 3)
a, (b, c) = 1, (2, 3)
[a, [b, [c, d]]] = [1, [2, [3, 4]]]
((x1, y1), (x2, y2)) = ((0, 0), (10, 20))
(first, *_), second = "ab", "c"
key, (lo, *mid, hi) = "k", range(6)
for i, (name, value) in enumerate({"a": 1}.items()):
    print(i, name, value)
