# itemgetter, attrgetter (dotted names), methodcaller: calls and reprs
from operator import itemgetter, attrgetter, methodcaller
import operator

g = itemgetter(1)
print(g, g('xyz'), g([10, 20]), g({1: 'one'}), itemgetter(-1)(range(5)))
g2 = itemgetter(0, 2, -1)
print(g2, g2('abcdef'), itemgetter('a', 'b')({'a': 1, 'b': 2}), itemgetter(slice(1, 3))('hello'))
print(itemgetter('k'), itemgetter(1, 'x', None, 2.5))
rows = [('bob', 30, 'B'), ('alice', 25, 'A'), ('carol', 35, 'C'), ('dave', 25, 'D')]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(list(map(itemgetter(0), rows)), max(rows, key=itemgetter(1)))

class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
n = Node('root', Node('kid', Node('leaf')))
print(attrgetter('name')(n), attrgetter('child.name')(n), attrgetter('child.child.name')(n))
print(attrgetter('name', 'child.name')(n), attrgetter('real', 'imag')(3 + 4j))
print(attrgetter('name'), attrgetter('a.b', 'c'))
print(sorted([Node('b'), Node('a'), Node('c')], key=attrgetter('name'))[0].name)

m = methodcaller('split', ',')
print(m, m('a,b,c'), methodcaller('split', ',', maxsplit=1)('a,b,c'))
print(methodcaller('upper'), methodcaller('upper')('abc'), methodcaller('replace', 'a', 'o', 1)('banana'))
print(methodcaller('f', 1, 'two', k=[3]), methodcaller('get', 'x', 0)({'x': 5}), methodcaller('get', 'y', 0)({}))
print(list(map(methodcaller('strip'), [' a ', 'b  '])))
print(type(g).__name__, type(n) is not type(g), repr(type(g)), repr(type(m)), callable(g), callable(m))
print(operator.itemgetter is type(g), isinstance(g, itemgetter))
