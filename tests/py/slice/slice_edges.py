# Slice bounds are clamped; steps go both ways; empty slices.
s = "abcdefghij"
for start in [-20, -5, 0, 3, 9, 20]:
    print(start, repr(s[start:]), repr(s[:start]), repr(s[start::-1]), repr(s[start::3]))
lst = list(range(6))
for step in [1, 2, 3, -1, -2, -5, 100, -100]:
    print(step, lst[::step], lst[1:5:step], lst[5:1:step])
print(lst[None:None], lst[None:3], lst[2:None:None])
print(s[3:-3], s[-3:3], s[3:-3:-1], s[-3:3:-1])
print(lst[-1:], lst[:-1], lst[-1::-2])
