# dis.dis on what CPython's accepts: functions, methods, classes, code objects, source strings, a depth
# limit, and file=.
import dis


def outer(x):
    def inner():
        return x
    return inner


class Shape:
    sides = 4

    def area(self):
        return self.sides

    @classmethod
    def make(cls):
        return cls()


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


dis.dis(outer)
print('-- depth=0')
dis.dis(outer, depth=0)
print('-- a class')
dis.dis(Shape)
print('-- a bound method')
dis.dis(Shape().area)
print('-- a string')
dis.dis('y = x + 1')
print('-- file=')
sink = Sink()
dis.dis(outer.__code__, file=sink, depth=0)
print(len(''.join(sink.parts).splitlines()), 'lines written')
try:
    dis.dis(42)
except TypeError as e:
    print('TypeError:', e)
