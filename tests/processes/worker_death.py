# A pool worker that dies (os._exit) is replaced, as in CPython: the task it had is lost, the pool goes
# on. A ProcessPoolExecutor whose worker dies is broken: its pending futures and later submits raise
# BrokenProcessPool, as CPython's.
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def dies(x):
    os._exit(7)


def sq(x):
    return x * x


if __name__ == '__main__':
    with Pool(1) as pool:
        r = pool.apply_async(dies, (1,))
        print('the lost task is ready:', r.wait(0.5), r.ready())
        print('the pool goes on:', pool.map(sq, range(4)))
    with ProcessPoolExecutor(1) as ex:
        print('before:', ex.submit(sq, 3).result())
        f = ex.submit(dies, 1)
        try:
            f.result(timeout=10)
        except Exception as e:
            print(type(e).__name__, e)
        try:
            ex.submit(sq, 2).result(timeout=10)
        except Exception as e:
            print(type(e).__name__, e)
    with ProcessPoolExecutor(1) as ex:
        f = ex.submit(lambda: 1)
        try:
            f.result()
        except Exception as e:
            print('a lambda:', type(e).__name__, str(e).split(' at 0x')[0])
        print('still usable:', ex.submit(sq, 5).result())
