# abs, min and max with keys and defaults.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-(10 ** 30)))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max((4, 2, 8)), min("hello"), max("hello"))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len))
print(min([], default=0), max([], default="none"), min([5], default=0))
print(max([1, 3, 2], key=abs), max(["b", "B", "a"], key=str.lower), min(["b", "B", "a"], key=str.lower))
print(max([(1, "z"), (2, "a")]), min({"x": 9, "a": 1}), max({"x": 9, "a": 1}.values()))
print(max(1, 2.0), max(2.0, 2), min(2, 2.0), max(True, 1), max(1, True))
print(max("apple", "banana", key=len), max("abc", "ab", "a"), min(range(5, 10)))
words = ["kiwi", "fig", "banana", "apple", "plum"]
print(max(words, key=len), min(words, key=len))


def last_char(s):
    return s[-1]


print(max(words, key=last_char), min(words, key=last_char), sorted(words, key=last_char))
