# list() from every iterable, and list identity.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(list({3: "x", 1: "y"}.values()), list({"k": "v"}.items()))
print(list(enumerate("xy")), list(zip([1, 2], "ab")), list(reversed([1, 2, 3])))
print(list(map(abs, [-1, -2])), list(filter(None, [0, 1, 2])))
print(list(iter([5, 6])), list(range(10, 0, -3)), list(frozenset([7])))
a = [1, 2]
b = list(a)
print(a == b, a is b)
print(len(list(range(1000))), list("")[:], list([[]]))
print(type([]), type(list()), isinstance([], list))
