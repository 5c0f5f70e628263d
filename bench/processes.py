# The seed's experiment in its four forms (cells 10-13): the countdown in one thread, split over two
# threads, over a Pool(2) with apply_async, and over two Process objects. Prints one JSON line: the best
# wall time of each form over the repetitions (as a dict literal). Used by bench/processes.mjs (on gilpy and python3).
# Usage: python3 bench/processes.py COUNT REPS [FORM,...]
import sys
import time
from multiprocessing import Pool, Process
from threading import Thread


def contagem_regressiva(n):
    while n > 0:
        n -= 1


def single(count):
    inicio = time.perf_counter()
    contagem_regressiva(count)
    return time.perf_counter() - inicio


def threads(count):
    t1 = Thread(target=contagem_regressiva, args=(count // 2,))
    t2 = Thread(target=contagem_regressiva, args=(count // 2,))
    inicio = time.perf_counter()
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    return time.perf_counter() - inicio


def pool(count):
    # the pool is made before the clock starts, as in the notebook
    pool = Pool(processes=2)
    inicio = time.perf_counter()
    pool.apply_async(contagem_regressiva, [count // 2])
    pool.apply_async(contagem_regressiva, [count // 2])
    pool.close()
    pool.join()
    return time.perf_counter() - inicio


def processes(count):
    p1 = Process(target=contagem_regressiva, args=(count // 2,))
    p2 = Process(target=contagem_regressiva, args=(count // 2,))
    inicio = time.perf_counter()
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    return time.perf_counter() - inicio


if __name__ == '__main__':
    count, reps = int(sys.argv[1]), int(sys.argv[2])
    # an optional third argument names the forms to run, e.g. single,threads
    names = sys.argv[3].split(',') if len(sys.argv) > 3 else ['single', 'threads', 'pool', 'processes']
    forms = [f for f in (single, threads, pool, processes) if f.__name__ in names]
    best = {}
    for _ in range(reps):
        for form in forms:
            t = form(count)
            best[form.__name__] = min(best.get(form.__name__, t), t)
    print('{' + ', '.join(f'"{k}": {v}' for k, v in best.items()) + '}')
