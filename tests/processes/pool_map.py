# Pool: map, imap and imap_unordered, starmap, apply, apply_async with callbacks; results keep the
# order of the inputs (imap_unordered's are sorted here, since their order depends on timing).
from multiprocessing import Pool
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def pid_of(_):
    return os.getpid()


if __name__ == '__main__':
    with Pool(processes=2) as pool:
        print(pool.map(square, range(20)))
        print(pool.map(square, range(20), chunksize=7))
        print(pool.map(square, []))
        print(list(pool.imap(square, range(10))))
        print(list(pool.imap(square, range(10), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(10))))
        print(pool.starmap(add, [(1, 2), (3, 4), ('a', 'b')]))
        print(pool.apply(add, (2, 3)))
        print(pool.apply(add, (), {'a': 'x', 'b': 'y'}))
        got = []
        r = pool.apply_async(square, (12,), callback=got.append)
        print(r.get(timeout=30), r.ready(), r.successful(), got)
        mr = pool.map_async(square, [1, 2, 3], callback=got.append)
        mr.wait()
        print(mr.get(), got)
        pids = set(pool.map(pid_of, range(40), chunksize=1))
        print('workers are other processes:', os.getpid() not in pids, len(pids) <= 2)
        print(pool.map(square, [2 ** 70, -3]))
    pool = Pool(2)
    results = [pool.apply_async(square, (i,)) for i in range(6)]
    pool.close()
    pool.join()
    print([r.get() for r in results])
    try:
        pool.apply_async(square, (1,))
    except ValueError as e:
        print('ValueError:', e)
    try:
        Pool(0)
    except ValueError as e:
        print('ValueError:', e)
