# fib(N) K times in one process, each run's time printed: the first includes V8's optimisation of
# gilpy's evaluation loop (docs/STARTUP.md), the later ones are the loop's steady state.
# Usage: gilpy bench/programs/fib_timed.py [N [K]] (also python3, for comparison).
import sys
import time

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

n = int(sys.argv[1]) if len(sys.argv) > 1 else 27
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 5):
    start = time.perf_counter()
    fib(n)
    print(f"fib({n}) {(time.perf_counter() - start) * 1000:.1f} ms")
