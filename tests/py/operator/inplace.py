# the in-place forms: mutate mutables, rebind immutables; user classes' __iadd__ and friends
import operator
from operator import *

a = [1, 2]
r = iadd(a, [3])
print(a, r, r is a)
n = 5
print(iadd(n, 3), isub(n, 3), imul(n, 3), itruediv(n, 2), ifloordiv(n, 2), imod(n, 3), ipow(n, 2), n)
print(iand(12, 10), ior(12, 10), ixor(12, 10), ilshift(1, 5), irshift(32, 5))
s = {1, 2}
r = ior(s, {3})
print(s, r is s)
r = iand(s, {1, 3})
print(s, r is s)
r = isub(s, {1})
print(s, r is s)
r = ixor(s, {9})
print(sorted(s), r is s)
l = [0]
r = imul(l, 3)
print(l, r is l)
t = 'ab'
print(iadd(t, 'c'), t)
class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, other):
        self.total += other
        return self
    def __add__(self, other):
        return 'plain add'
x = Acc()
y = iadd(x, 5)
print(y is x, x.total, add(x, 1))
print(operator.__iadd__([1], [2]), operator.__imul__(2, 4), operator.__ior__(1, 2), operator.__ipow__(3, 3))
print(operator.__imatmul__ is not None, operator.__itruediv__(1, 4))
