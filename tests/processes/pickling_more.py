# Pickling fidelity beyond the basics: nested classes, __slots__, subclasses of built-in types, exceptions
# with attributes and their own __reduce__, functions and classes of an imported module, methods,
# functools.partial, the collections types, range/slice/complex, the singletons' types, recursive
# structures through tuples; each value also crosses to a child process and back.
import functools
import pickle
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict
from multiprocessing import Pool
from pickle_helper_module import doubled, Box


class Outer:
    class Inner:
        def __init__(self, v):
            self.v = v

        def __repr__(self):
            return f'Inner({self.v})'


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __repr__(self):
        return f'Slotted({self.a}, {self.b})'


class MyList(list): pass
class MyDict(dict): pass
class MyInt(int): pass
class MyFloat(float): pass
class MyStr(str): pass
class MyTuple(tuple): pass


class Tagged(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 'tagged'


class CodedError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code


class OwnReduceError(Exception):
    def __reduce__(self):
        return (OwnReduceError, ('rebuilt by its own __reduce__',))


class K:
    def meth(self, x):
        return x + 1

    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return 'static'


P = namedtuple('P', 'x y')


def rt(x):
    return pickle.loads(pickle.dumps(x))


def echo(x):
    return x


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, 'error:', type(e).__name__, str(e).split(' at 0x')[0])


if __name__ == '__main__':
    show('nested class', lambda: rt(Outer.Inner(3)))
    show('slots', lambda: rt(Slotted(1, 2)))
    for cls, v in [(MyList, [1, 2]), (MyDict, {'a': 1}), (MyInt, 5), (MyFloat, 2.5), (MyStr, 'hi'),
                   (MyTuple, (1, 2))]:
        back = rt(cls(v))
        print(cls.__name__, type(back).__name__, back)
    show('subclass attribute', lambda: (rt(Tagged([1])), rt(Tagged([1])).tag))
    e = rt(CodedError('m', 4))
    print('exception attribute', type(e).__name__, e.args, e.code)
    plain = ValueError('x')
    plain.extra = 9
    print('exception extra', rt(plain).args, rt(plain).extra)
    print('own __reduce__', rt(OwnReduceError('x')).args)
    show('imported function', lambda: rt(doubled)(4))
    show('imported class', lambda: rt(Box(7)).get())
    show('bound method', lambda: rt(K().meth)(1))
    show('bound method of an imported class', lambda: rt(Box(8).get)())
    show('classmethod', lambda: rt(K.cm)())
    show('staticmethod', lambda: rt(K.sm)())
    show('partial', lambda: rt(functools.partial(doubled, 5))())
    show('partial keywords', lambda: rt(functools.partial(int, base=2))('101'))
    show('namedtuple', lambda: rt(P(1, 2)))
    show('deque', lambda: rt(deque([1, 2], maxlen=5)))
    show('defaultdict', lambda: (lambda d: (d, d['new']))(rt(defaultdict(list, a=[1]))))
    show('Counter', lambda: rt(Counter('abca')))
    show('OrderedDict', lambda: rt(OrderedDict([('b', 1), ('a', 2)])))
    show('range', lambda: rt(range(1, 10, 3)))
    show('slice', lambda: rt(slice(1, 5, None)))
    show('complex', lambda: rt(3 + 4j))
    show('singleton types', lambda: (rt(type(None)), rt(type(NotImplemented)), rt(type(...))))
    show('NotImplemented', lambda: rt(NotImplemented) is NotImplemented)
    show('object', lambda: type(rt(object())).__name__)
    show('ints around 2**53', lambda: rt([2 ** 53, 2 ** 53 + 1, -2 ** 53 - 1, -2 ** 64 + 1]))
    t = ([],)
    t[0].append(t)
    show('tuple through a list', lambda: (lambda r: r[0][0] is r)(rt(t)))
    d = {}
    tt = (d, 1)
    d['t'] = tt
    show('tuple through a dict', lambda: (lambda r: r[0]['t'] is r)(rt(tt)))
    b = Box(None)
    inner = (b, 2)
    b.v = inner
    show('tuple through an instance', lambda: (lambda r: r[0].v is r)(rt(inner)))
    with Pool(1) as pool:
        values = [Outer.Inner(1), Slotted(3, 4), MyInt(6), Box(2), functools.partial(doubled, 3), range(3),
                  3j, deque([1]), P(5, 6), CodedError('c', 2)]
        for v in pool.map(echo, values):
            print('through a child:', type(v).__name__, v if not isinstance(v, (Box, functools.partial, CodedError)) else '')
        print('recursive through a child:', (lambda r: r[0][0] is r)(pool.apply(echo, (t,))))
        print('method in a child:', pool.apply(Box(11).get), pool.apply(functools.partial(doubled, 21)))
