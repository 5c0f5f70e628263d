# A child forked while the parent has a pool (a Process started next to a Pool, or a pool worker that
# replaces one after maxtasksperchild tasks) does not own that pool: it ends cleanly, with exit code 0.
# The last map names its chunksize: without one, CPython 3.11 divides by the number of live workers,
# which can be 0 for a moment when workers exit after maxtasksperchild tasks (ZeroDivisionError now and
# then; gilpy counts at least 1).
import multiprocessing as mp
import os
import time


def sq(x):
    return x * x


def pid_of_worker(_):
    time.sleep(0.05)
    return os.getpid()


if __name__ == '__main__':
    pool = mp.Pool(1)
    p = mp.Process(target=sq, args=(2,))
    p.start()
    p.join()
    print('a Process next to a Pool:', p.exitcode, pool.map(sq, [3]))
    pool.close()
    pool.join()
    with mp.Pool(2, maxtasksperchild=1) as pool:
        pids = pool.map(pid_of_worker, range(4), chunksize=1)
        print('maxtasksperchild=1, workers used:', len(set(pids)))
        print(pool.map(sq, range(5), chunksize=1))
    print('done')
