# getrecursionlimit / setrecursionlimit and deeper recursion after raising it.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(2500))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit(), depth(900))
