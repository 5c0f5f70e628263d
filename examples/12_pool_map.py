# Pool.map: a function applied to every item by worker processes. The items and the results cross
# between processes pickled; the results come back in the order of the items, whichever worker
# finished first: look for the first ten results in order and `True` for the comparison with the same
# computation in one process. Functions are sent by reference (module and name), so they must be
# defined at module level: look for the lambda on the last line failing with the same PicklingError as
# in CPython. The argument is how many numbers to map (3000).
import sys
from multiprocessing import Pool


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


if __name__ == '__main__':
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    numbers = list(range(1, count + 1))
    with Pool(processes=2) as pool:
        steps = pool.map(collatz_steps, numbers)
    longest = max(range(len(numbers)), key=lambda i: steps[i])
    print(f"{len(steps)} results, in order: {steps[:10]}")
    print(f"the longest chain below {numbers[-1] + 1} starts at {numbers[longest]}: {steps[longest]} steps")
    print("the same as one process computes:", steps == [collatz_steps(n) for n in numbers])
    with Pool(processes=2) as pool:
        try:
            pool.map(lambda n: n, [1])
        except Exception as e:
            print(f"{type(e).__name__}: {str(e).split(' at 0x')[0]} ...")
