# What crosses between processes is pickled: values keep their shape (shared and recursive structures
# too); what CPython cannot pickle fails with CPython's error.
import pickle
import threading
from multiprocessing import Queue


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f'Point({self.x}, {self.y})'


class WithState:
    def __init__(self):
        self.secret = 'kept'

    def __getstate__(self):
        return {'secret': self.secret.upper()}

    def __setstate__(self, state):
        self.secret = state['secret'] + '!'


class Reduced:
    def __init__(self, a, b):
        self.total = a + b

    def __reduce__(self):
        return (Reduced, (self.total, 0))


def module_level():
    return 'module level'


def outer():
    def inner():
        pass
    return inner


if __name__ == '__main__':
    values = [None, True, False, 0, -5, 2 ** 100, -(2 ** 65), 1.5, float('inf'), 'text', 'ünï', b'\x00\xff',
              bytearray(b'ab'), (1, (2, 3)), [1, [2]], {'a': 1, 2: 'b'}, {1, 2}, frozenset({3}), (), [], {},
              Point(1, 2), ValueError('bad', 3), KeyError('k'), module_level, Point, len, ...]
    for v in values:
        back = pickle.loads(pickle.dumps(v))
        print(type(back).__name__, back == v or (isinstance(v, BaseException) and back.args == v.args))
    shared = [1, 2]
    pair = pickle.loads(pickle.dumps([shared, shared]))
    print('shared stays shared:', pair[0] is pair[1])
    loop = [1]
    loop.append(loop)
    back = pickle.loads(pickle.dumps(loop))
    print('recursive:', back[1] is back)
    d = {}
    d['self'] = d
    print(pickle.loads(pickle.dumps(d)))
    print(pickle.loads(pickle.dumps(WithState())).secret, pickle.loads(pickle.dumps(Reduced(2, 3))).total)
    print(pickle.loads(pickle.dumps(module_level))())
    for bad in [lambda: 0, outer(), (x for x in ()), threading.Lock(), pickle, Queue()]:
        try:
            pickle.dumps(bad)
            print('pickled?!')
        except Exception as e:
            print(type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0])
    try:
        pickle.loads(b'')
    except EOFError as e:
        print('EOFError:', e)
