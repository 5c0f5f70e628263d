# Dict-based algorithms: histogram, memo table, two-sum.
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
hist = {}
for x in data:
    hist[x] = hist.get(x, 0) + 1
print(hist)
for k in sorted(hist):
    print(k, "*" * hist[k])
memo = {0: 0, 1: 1}


def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


print(fib(90), len(memo))


def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return (seen[target - n], i)
        seen[n] = i
    return None


print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1], 5))
pos = {}
for i, ch in enumerate("hello world"):
    pos.setdefault(ch, []).append(i)
print(pos)
