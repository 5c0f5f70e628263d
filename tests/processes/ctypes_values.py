# Value and Array take ctypes' simple types as well as typecodes; a child sees and changes them.
import ctypes
from ctypes import c_bool, c_char, c_double, c_float, c_int, c_long, c_longlong, c_ubyte
from multiprocessing import Array, Process, Value


def work(counter, total, flag, arr):
    with counter.get_lock():
        counter.value += 1
    total.value += 0.5
    flag.value = True
    for i in range(len(arr)):
        arr[i] = arr[i] * 10


if __name__ == '__main__':
    print(c_int(3), c_int(2 ** 32 + 5).value, c_ubyte(-1).value, c_double(1), c_bool(5), c_char(b'x'))
    print(c_longlong(7), c_float(0.1).value, c_int().value, c_double().value, c_bool().value)
    print(ctypes.sizeof(c_int), ctypes.sizeof(c_double(2)), c_long.__name__, c_longlong is c_long)
    for ct, v in [(c_int, 1), (c_double, 2.5), (c_bool, 1), (c_char, b'y'), (c_long, 5), (c_ubyte, 300)]:
        x = Value(ct, v)
        print(ct.__name__, x.value, repr(x), Value(ct, v, lock=False))
    print(Array(c_double, 2)[:], Array(c_bool, [1, 0])[:])
    for bad in [lambda: c_int(1.5), lambda: ctypes.sizeof(3), lambda: c_char(b'ab')]:
        try:
            bad()
        except TypeError as e:
            print('TypeError:', e)
    counter, total, flag, arr = Value(c_int, 0), Value(c_double, 1.0), Value(c_bool, False), Array(c_int, [1, 2, 3])
    ps = [Process(target=work, args=(counter, total, flag, arr)) for _ in range(2)]
    for p in ps:
        p.start()
        p.join()
    print(counter.value, total.value, flag.value, arr[:])
