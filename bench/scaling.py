# Scaling of threads (run by bench/nogil.mjs, with and without the GIL): TOTAL units of work split over
# THREADS threads, best wall time of REPS repetitions, printed as one JSON line.
#   loop    each thread counts down its share (embarrassingly parallel)
#   append  each thread appends its share to ONE shared list (its lock is contended); the length is checked
#   lost    each thread does `counter += 1` on a shared global, unlocked: what the race loses is reported
# Usage: scaling.py KIND THREADS TOTAL REPS
import sys
import time
from threading import Thread

kind, nthreads, total, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
share = total // nthreads
shared = []
counter = 0


def countdown(n):
    while n > 0:
        n -= 1


def append(n):
    add = shared.append
    for i in range(n):
        add(i)


def bump(n):
    global counter
    for _ in range(n):
        counter += 1


target = {'loop': countdown, 'append': append, 'lost': bump}[kind]
best = float('inf')
check = 0
for _ in range(reps):
    shared.clear()
    counter = 0
    threads = [Thread(target=target, args=(share,)) for _ in range(nthreads)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    best = min(best, time.perf_counter() - t0)
    if kind == 'append' and len(shared) != share * nthreads:
        raise SystemExit(f'lost appends: {len(shared)} of {share * nthreads}')
    if kind == 'lost':
        check = max(check, share * nthreads - counter)
print('{"seconds": %.4f, "lost": %d}' % (best, check))
