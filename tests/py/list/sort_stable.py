# sort and sorted: stability, key functions, reverse.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "Fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, reverse=True))
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]


def second(r):
    return r[1]


def first(r):
    return r[0]


r1 = sorted(records, key=second)
print(r1)
r2 = sorted(r1, key=first)
print(r2)
print(sorted(records, key=second, reverse=True))
nums = [5, -3, 2, -8, 0, 3, -2]
nums.sort(key=abs)
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
nums.sort()
print(nums)
print(sorted([3.5, 1, 2.25, -1, True, 0]))
print(sorted([[2, 1], [1, 2], [1], [2]]), sorted("Hello"))
