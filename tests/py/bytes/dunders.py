# the dunder methods of bytes and bytearray, and the public method lists
for o in [b'ab', bytearray(b'ab')]:
    for n in ['__eq__', '__lt__', '__add__', '__mul__', '__mod__', '__iter__', '__repr__', '__hash__', '__len__', '__getitem__', '__contains__', '__iadd__', '__rmul__', '__str__', '__setitem__', '__bytes__']:
        print(type(o).__name__, n, hasattr(o, n))
print(b'ab'.__eq__(b'ab'), b'ab'.__add__(b'c'), bytearray(b'x').__eq__(b'x'), repr(b'q'.__repr__()))
print(sorted(n for n in dir(bytes) if not n.startswith('_')))
print(sorted(n for n in dir(bytearray) if not n.startswith('_')))
try:
    b'a'.__add__('x')
except TypeError as e:
    print(e)
try:
    b'a'.__rmul__('x')
except TypeError as e:
    print(e)
print(b'a'.__mul__(2), b'a'.__rmul__(3), b'%d'.__mod__(5), bytearray(b'a').__lt__(b'b'), b'a'.__eq__(1))
ba = bytearray(b'q')
print(ba.__iadd__(b'r') is ba, ba, ba.__imul__(2) is ba, ba, b'k'.__hash__() == hash(b'k'), repr(bytearray(b"'").__repr__()))
print(list(b'xy'.__iter__()), bytearray(b'ab').__mod__(()), b'x'.__rmod__(b'y%s'), b'x'.__rmod__(1))
class Sub(bytes):
    def __eq__(self, other):
        return bytes.__eq__(self, other) is True or other == 'same'
    __hash__ = bytes.__hash__
print(Sub(b'a') == b'a', Sub(b'a') == 'same', Sub(b'a') == b'b', hash(Sub(b'a')) == hash(b'a'))
