# getitem, setitem, delitem, concat, iconcat, countOf, indexOf, length_hint
import operator
from operator import *

l = [1, 2, 3, 4, 5]
print(getitem(l, 0), getitem(l, -1), getitem(l, slice(1, 3)), getitem('abc', 1), getitem({'a': 1}, 'a'))
setitem(l, 0, 'x')
setitem(l, slice(1, 3), ['y'])
print(l)
delitem(l, 0)
delitem(l, slice(0, 1))
print(l)
d = {}
setitem(d, 'k', 'v')
operator.__setitem__(d, 'j', 2)
print(d, operator.__getitem__(d, 'j'))
operator.__delitem__(d, 'k')
print(d)
print(concat([1], [2]), concat('a', 'b'), concat((1,), (2,)), operator.__concat__([0], [0]))
a = [1]
b = iconcat(a, [2, 3])
print(a, b, a is b)
t = (1,)
u = iconcat(t, (2,))
print(t, u, t is u)
print(countOf([1, 2, 1, 1.0, True], 1), countOf('banana', 'a'), countOf([], 1), countOf([[1], [1]], [1]))
print(indexOf([5, 6, 7], 7), indexOf('abc', 'a'), indexOf(iter([3, 4]), 4))
print(length_hint([1, 2, 3]), length_hint('abcd'), length_hint({}), length_hint(5), length_hint(5, 9))
it = iter([1, 2, 3, 4])
next(it)
print(length_hint(it), length_hint(iter((1, 2))), length_hint(x for x in 'ab'))
class Hint:
    def __length_hint__(self):
        return 12
class NotImpl:
    def __length_hint__(self):
        return NotImplemented
print(length_hint(Hint()), length_hint(NotImpl(), 3))
