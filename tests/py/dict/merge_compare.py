# |, |=, ==, and dict() constructors.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = dict(a)
c |= b
print(c)
c |= [("w", 0)]
print(c)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {})
print({"a": 1} != {"a": 2}, {1: [1, 2]} == {1: [1, 2]})
print(dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict(zip("abc", range(3))))
print(dict({"k": "v"}, extra=1), dict(a, y=99))
print(list(dict.fromkeys([3, 1, 3, 2, 1])))
