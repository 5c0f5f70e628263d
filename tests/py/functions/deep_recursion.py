# Recursion about 900 deep works under the default limit of 1000.
import sys


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def sum_list(lst, i):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)


print(sys.getrecursionlimit())
print(depth(100))
print(depth(500))
print(depth(900))
print(sum_list(list(range(850)), 0))


def count_down(n, acc):
    if n == 0:
        return acc
    acc.append(n)
    return count_down(n - 1, acc)


out = count_down(900, [])
print(len(out), out[:3], out[-3:])
