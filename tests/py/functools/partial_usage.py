# functools.partial: fixed positional and keyword arguments, flattening, attributes and repr
from functools import partial

def power(base, exp, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod

square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
two_to = partial(power, 2)
print(square(7), cube_mod(7), two_to(10), two_to(exp=5), square(3, exp=3))
print(square.func is power, square.args, square.keywords, two_to.args)
basetwo = partial(int, base=2)
print(basetwo('10101'), basetwo('11', base=10), repr(basetwo))
print(repr(partial(max, 1, 2, key=abs)))
nested = partial(partial(power, 3), mod=5)
print(nested(4), nested.func is power, nested.args, nested.keywords)
print(callable(square), type(square).__name__, isinstance(square, partial))
adders = [partial(lambda a, b: a + b, i) for i in range(4)]
print([f(10) for f in adders])
print(list(map(partial(pow, 2), range(6))), sorted(['bb', 'a', 'ccc'], key=partial(len)))
try:
    partial(3)
except TypeError as e:
    print(e)
try:
    square()
except TypeError as e:
    print(e)


class Greeter:
    def greet(self, greeting, name):
        return f'{greeting}, {name}!'


g = Greeter()
hi = partial(g.greet, 'Hi')
print(hi('Ann'), hi(name='Bob'))
p = partial(print, 'a', sep='-')
p('b', 'c')
p('d', sep='+')
