# sys.exit(3) exits with status 3 and prints nothing to stderr.
import sys


def check(n):
    print("checking", n)
    if n > 2:
        sys.exit(3)


for i in range(5):
    check(i)
print("not reached")
