# the function forms of the arithmetic, bitwise and unary operators, and their dunder aliases
import operator
from operator import *

pairs = [(7, 2), (-7, 2), (7, -2), (2.5, 0.5), (10**20, 3), (True, 5)]
for a, b in pairs:
    print(a, b, add(a, b), sub(a, b), mul(a, b), truediv(a, b), floordiv(a, b), mod(a, b), pow(a, b))
for a, b in [(12, 10), (-12, 10), (255, 2**70)]:
    print(and_(a, b), or_(a, b), xor(a, b), lshift(a, 3), rshift(a, 2))
print(neg(5), neg(-2.5), pos(-5), abs(-3), abs(-2.5), invert(5), inv(-1), index(7), index(True))
print(add('ab', 'cd'), mul('ab', 3), mul(3, [0]), add((1,), (2, 3)), mod('%s-%d', ('x', 4)))
print(operator.__add__(2, 3), operator.__mul__(4, 5), operator.__neg__(9), operator.__pow__(2, 0.5))
print(operator.__and__(6, 3), operator.__or__(6, 3), operator.__xor__(6, 3), operator.__inv__(0), operator.__invert__(0))
print(operator.__lshift__(1, 4), operator.__rshift__(64, 4), operator.__index__(12), operator.__abs__(-1))
print(pow(2, -1), pow(-8, 3), truediv(1, 3), floordiv(7.5, 2))
print(add.__name__, repr(add), repr(operator.itemgetter))
print(list(map(add, [1, 2, 3], [10, 20, 30])), list(map(neg, range(4))))
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + o.x)
    def __neg__(self):
        return V(-self.x)
    def __matmul__(self, o):
        return self.x * o.x
print(add(V(1), V(2)).x, neg(V(3)).x, matmul(V(4), V(5)), operator.__matmul__(V(2), V(2)))
