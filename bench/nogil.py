# The seed's experiment without the GIL (run by bench/nogil.mjs): the countdown in one thread, then split
# over two threads, repeated; prints the best wall-clock time of each (threads without the GIL use two
# cores, so CPU time would count both) and their ratio.
import sys
import time
from threading import Thread

def contagem_regressiva(n):
    while n > 0:
        n -= 1

contador = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
one = two = float("inf")
for _ in range(reps):
    c0 = time.perf_counter()
    contagem_regressiva(contador)
    one = min(one, time.perf_counter() - c0)
    t1 = Thread(target=contagem_regressiva, args=(contador // 2,))
    t2 = Thread(target=contagem_regressiva, args=(contador // 2,))
    c0 = time.perf_counter()
    t1.start(); t2.start(); t1.join(); t2.join()
    two = min(two, time.perf_counter() - c0)
print(f"one thread {one:.3f} s, two threads {two:.3f} s, ratio {two / one:.2f}")
