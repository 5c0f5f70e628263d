# The seed's GIL experiment as a benchmark (run by bench/gil.mjs): the countdown in one thread, then
# split over two threads, repeated; prints the best time of each (process CPU time, so that other
# processes on a shared machine weigh less) and their ratio.
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
    c0 = time.process_time()
    contagem_regressiva(contador)
    one = min(one, time.process_time() - c0)
    t1 = Thread(target=contagem_regressiva, args=(contador // 2,))
    t2 = Thread(target=contagem_regressiva, args=(contador // 2,))
    c0 = time.process_time()
    t1.start(); t2.start(); t1.join(); t2.join()
    two = min(two, time.process_time() - c0)
print(f"one thread {one:.3f} s, two threads {two:.3f} s, ratio {two / one:.2f}")
