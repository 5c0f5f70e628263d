# for loops over the built-in iterators the loop steps itself (FOR_ITER's fast paths, docs/PERFORMANCE.md):
# each loop runs 8 times in this process; prints the best CPU milliseconds of each (time.process_time, so a
# busy machine disturbs it less than wall time). Argument: the number of items (default 1,000,000).
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
L = list(range(N))
T = tuple(L)
SMALL = [1, 2]


def over_range(n):
    for i in range(n):
        pass


def over_list(items):
    for x in items:
        pass


def over_tuple(items):
    for x in items:
        pass


def sum_list(items):
    t = 0
    for x in items:
        t += x
    return t


def short_inner(n):
    # a GET_ITER per outer step: the inner loops' iterators are made over and over
    for i in range(n // 5):
        for x in SMALL:
            pass
        for y in (x, i):
            pass


def best(f, arg):
    ts = []
    for _ in range(8):
        t = time.process_time()
        f(arg)
        ts.append(time.process_time() - t)
    return min(ts) * 1000


for name, f, arg in [("range", over_range, N), ("list", over_list, L), ("tuple", over_tuple, T),
                     ("sum list", sum_list, L), ("short inner", short_inner, N)]:
    print(f"{name:12} {best(f, arg):7.1f} ms")
