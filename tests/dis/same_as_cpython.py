# Functions whose gilpy bytecode is instruction for instruction CPython 3.11's: dis.dis prints the same
# listing on both (tests/dis/dis.test.ts compares them with python3's, addresses normalised).
import dis


def identity(x):
    return x


def pack(x, y):
    t = (x, y)
    items = [x, y, t]
    return {x: y}, items


def make_counter(start):
    count = start

    def read():
        return count

    return read


def constants():
    a = None
    b = 'text'
    c = 2.5
    return a, b, c


def operators(a, b, *rest, **options):
    return a is b, a is not b, a in b, -a, not b, ~a, rest, options


dis.dis(identity)
dis.dis(pack)
dis.dis(make_counter)
dis.dis(constants)
dis.dis(operators)
