# Exceptions raised in pool workers come back to get(); error_callback sees them; what cannot be
# pickled (a lambda, a nested function) fails as in CPython. The last map re-raises the child's
# exception uncaught: the program ends with it.
from multiprocessing import Pool


def fail_on_three(x):
    if x == 3:
        raise KeyError(x)
    return x


def divide(a, b):
    return a / b


def make_nested():
    def nested(x):
        return x
    return nested


if __name__ == '__main__':
    with Pool(2) as pool:
        try:
            pool.map(fail_on_three, range(6))
        except KeyError as e:
            print('KeyError from a worker:', e, type(e.__cause__).__name__)
        r = pool.apply_async(divide, (1, 0), error_callback=lambda e: print('error_callback:', repr(e)))
        r.wait()
        print('ready', r.ready(), 'successful', r.successful())
        try:
            r.get()
        except ZeroDivisionError as e:
            print('get raised', type(e).__name__, e)
        try:
            pool.map(lambda x: x, [1])
        except Exception as e:
            print(type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0])
        try:
            pool.apply(make_nested(), (1,))
        except Exception as e:
            print(type(e).__name__, e)
        print(pool.map(fail_on_three, [1, 2]))
        pool.starmap(divide, [(4, 2), (1, 0)])
