# The seed's GIL experiment as a benchmark (run by bench/gil.mjs and bench/nogil.mjs): the countdown in
# one thread, then split over two threads, repeated; prints the best time of each and their ratio.
# Usage: gil.py COUNT REPS [cpu|wall]: process CPU time by default (other processes on a shared machine
# weigh less); wall-clock time for threads without the GIL (they use two cores: CPU time counts both).
import sys
import time
from threading import Thread

def contagem_regressiva(n):
    while n > 0:
        n -= 1

contador = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
clock = time.perf_counter if len(sys.argv) > 3 and sys.argv[3] == 'wall' else time.process_time
one = two = float("inf")
for _ in range(reps):
    c0 = clock()
    contagem_regressiva(contador)
    one = min(one, clock() - c0)
    t1 = Thread(target=contagem_regressiva, args=(contador // 2,))
    t2 = Thread(target=contagem_regressiva, args=(contador // 2,))
    c0 = clock()
    t1.start(); t2.start(); t1.join(); t2.join()
    two = min(two, clock() - c0)
print(f"one thread {one:.3f} s, two threads {two:.3f} s, ratio {two / one:.2f}")
