# Processes instead of threads (the seed notebook's cells 12 and 13, its answer to the GIL): the
# countdown split over two processes, first with a Pool and apply_async, then with two Process objects.
# Each process has its own interpreter, heap and GIL (in gilpy a copy of this one's heap taken at
# start(), as fork() copies a process), so the two halves really run at the same time on two cores:
# look for each form's time near half the single thread's, and a ratio near 0.5 on the last line (on an
# idle machine with two cores; short counts show less, as starting a process costs time too). The count
# is the first argument (10 million; the notebook used 50_000_000). Cell 12 starts its clock again
# after apply_async, as the notebook does, so it times only close() and join().
#
#   node dist/gilpy.mjs examples/10_processes.py [COUNT]
import sys
import time

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000

def countdown(n):
    while n > 0:
        n -= 1

if __name__ == '__main__':
    # SINGLE THREAD (MAIN), for comparison
    start = time.perf_counter()
    countdown(count)
    end = time.perf_counter()
    one = end - start
    print(f"one thread:          {one:.3f} s")

    # In [12]: MULTI-PROCESSING FORMA 01 (form 1: a Pool of two worker processes)
    from multiprocessing import Pool
    pool = Pool(processes=2)
    start = time.perf_counter()
    p1 = pool.apply_async(countdown, [count // 2])
    p2 = pool.apply_async(countdown, [count // 2])
    start = time.perf_counter()
    pool.close()
    pool.join()
    end = time.perf_counter()
    print(f"Pool(2):             {end - start:.3f} s")

    # In [13]: MULTI-PROCESSING FORMA 02 (form 2: two Process objects)
    from multiprocessing import Process
    p1 = Process(target=countdown, args=(count // 2,))
    p2 = Process(target=countdown, args=(count // 2,))
    start = time.perf_counter()
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    end = time.perf_counter()
    two = end - start
    print(f"two Process objects: {two:.3f} s")

    print(f"two processes / one thread = {two / one:.2f} (each process has its own GIL)")
