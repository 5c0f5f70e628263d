# Recursion in compiled functions: deeper than the compiled calls nest on the JS stack (200; the loop
# takes over below that), up to the recursion limit, and RecursionError past it.
import sys


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20))
print(depth(950))
for i in range(5):
    print(depth(300 + i * 100), end=' ')
print()
try:
    depth(5000)
except RecursionError as e:
    print('RecursionError:', e)
print(depth(900))
sys.setrecursionlimit(120)
try:
    depth(200)
except RecursionError as e:
    print('RecursionError at 120:', e)
print(depth(100))
sys.setrecursionlimit(3000)
print(depth(2900))
