# subclasses of dict, list, set and tuple: their own __init__ / __new__, instance attributes, and the
# built-in __new__ / __init__ / __repr__ they call; type(name, bases, dict); __set_name__
class Config(dict):
    def __init__(self, name, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name

    def __missing__(self, key):
        return f'<{key}?>'

    def __repr__(self):
        return f'Config({self.name!r}, {dict.__repr__(self)})'


c = Config('main', [('a', 1)], b=2)
print(c, c['a'], c['zz'], c.name, len(c), c.__dict__, isinstance(c, dict))
c.name = 'renamed'
c.extra = [c]
print(c.name, c.extra[0] is c, sorted(vars(c)))


class Plain(dict):
    pass


p = Plain(x=1)
p.tag = 'attr'
print(p, p.tag, type(p).__name__)


class Stack(list):
    def __init__(self, label, items=()):
        super().__init__(items)
        self.label = label

    def push(self, x):
        self.append(x)
        return self


s = Stack('s', [1, 2]).push(3)
print(s, s.label, len(s), s[-1], s.__dict__)
s.__init__('again', 'ab')
print(s, s.label)
print(list.__new__(Stack), type(list.__new__(Stack)).__name__, dict.__new__(Plain), set.__new__(set))


class Tags(set):
    def __init__(self, text):
        super().__init__(text.split())


print(sorted(Tags('b a c a')), type(Tags('x')).__name__)


class Pair(tuple):
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))

    def swap(self):
        return Pair(self[1], self[0])


pr = Pair(1, 2)
print(pr, pr.swap(), type(pr.swap()).__name__, pr == (1, 2), tuple.__new__(tuple, 'ab'))
for bad in [lambda: tuple.__new__(int), lambda: list.__new__(dict), lambda: dict.__new__(5)]:
    try:
        bad()
    except TypeError as e:
        print(e)

# type(name, bases, dict): the class's module is the caller's
Made = type('Made', (Pair,), {'kind': 'made', 'describe': lambda self: f'{self.kind}{tuple(self)}'})
print(Made(3, 4).describe(), Made.__module__, Made.__name__, Made.__mro__[1].__name__, Made)
Bare = type('Bare', (), {})
print(Bare, Bare.__bases__, type(Bare()).__name__)


class Named:
    def __set_name__(self, owner, name):
        self.where = f'{owner.__name__}.{name}'


class Holder:
    first = Named()
    second = Named()


print(Holder.first.where, Holder.second.where, type('Dyn', (), {'n': Named()}).n.where)


def f():
    """doc"""


f.__name__ = 'g'
f.__qualname__ = 'outer.g'
f.__doc__ = 'new doc'
f.__module__ = 'elsewhere'
f.__dict__ = {'k': 1}
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.k, repr(f).startswith('<function outer.g at'))
for attr, value in [('__name__', 1), ('__qualname__', None), ('__dict__', [])]:
    try:
        setattr(f, attr, value)
    except TypeError as e:
        print(e)
