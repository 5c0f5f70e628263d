# Without the GIL: the countdown of 06_gil.py, split over two threads, run with
#   node dist/gilpy.mjs -X gil=0 examples/09_no_gil.py [COUNT [INCREMENTS]]
# as free-threaded CPython 3.13 runs it (python3.13t -X gil=0). Each thread then runs on its own worker
# thread, in parallel: look for `sys._is_gil_enabled(): False` on the first line and a ratio of two
# threads to one well below 1 (near 0.5 on an idle machine with two free cores). The second part shows
# what the GIL never promised and free threading does not give either: the unlocked `counter += 1`,
# now in threads that really run at the same time, loses updates (look for a total below the expected
# one; how many are lost changes from run to run), while the locked counter is exact. Without -X gil=0
# (and on python3.11, which has no _is_gil_enabled) it runs under the GIL, like 06 and 07: a ratio near
# 1, and no update lost at CPython's switch points. Arguments: the count (10 million) and the increments
# per thread (200000).
import sys
import threading
import time

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
THREADS = 2

gil = getattr(sys, "_is_gil_enabled", lambda: True)()   # Python 3.13+; always True before
print(f"sys._is_gil_enabled(): {gil}")

def countdown(n):
    while n > 0:
        n -= 1

start = time.perf_counter()
countdown(count)
one = time.perf_counter() - start
print(f"one thread:  {one:.3f} s")

threads = [threading.Thread(target=countdown, args=(count // 2,)) for _ in range(2)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
two = time.perf_counter() - start
print(f"two threads: {two:.3f} s")
print(f"two threads / one thread = {two / one:.2f}")

counter = 0
lock = threading.Lock()
ready = threading.Barrier(THREADS)   # the threads start counting together, so that they overlap

def unsafe():
    global counter
    ready.wait()
    for _ in range(N):
        counter += 1

def safe():
    global counter
    ready.wait()
    for _ in range(N):
        with lock:
            counter += 1

for worker in (unsafe, safe):
    counter = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{worker.__name__:>6}: counter = {counter} (expected {N * THREADS}, lost {N * THREADS - counter})")
