# concurrent.futures.ProcessPoolExecutor: submit, map, results and exceptions from worker processes.
from concurrent.futures import ProcessPoolExecutor, as_completed


def cube(x):
    return x ** 3


def fail(x):
    raise RuntimeError(f'failed on {x}')


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(cube, i) for i in range(6)]
        print([f.result() for f in futures])
        print(sorted(f.result() for f in as_completed(futures)))
        print(list(ex.map(cube, range(5))))
        f = ex.submit(fail, 3)
        print(type(f.exception()).__name__, f.exception())
        try:
            f.result()
        except RuntimeError as e:
            print('result() raised', e)
        g = ex.submit(lambda: 1)
        print(type(g.exception()).__name__)
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print('RuntimeError:', e)
