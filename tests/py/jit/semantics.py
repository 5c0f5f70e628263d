# What compiled functions must keep: reference counts, rebinding of globals after the function was
# compiled, bound methods, floats, big ints, keyword calls, generators and closures called from them, and
# the order in which __del__ runs.
import sys


def add(a, b):
    return a + b


def hot(x):
    y = add(x, 1)
    return y - 1


for i in range(500):
    hot(i)
big = 10 ** 6 + 12345
before = sys.getrefcount(big)
for i in range(300):
    hot(big)
print(sys.getrefcount(big) - before)


def add(a, b):  # rebinds the global the compiled hot() loads
    return a * b


print(hot(7))


class Acc:
    def __init__(self):
        self.n = 0

    def step(self, k):
        self.n = self.n + k
        return self.n


acc = Acc()
step = acc.step


def call_bound(k):
    return step(k)


for i in range(300):
    call_bound(i)
print(acc.n)


def fsum(x, y):
    return x * 0.5 + y - 0.25


s = 0.0
for i in range(400):
    s = fsum(s, i)
print(s)


def grow(x):
    return x + x - 1


b = 3
for i in range(100):
    b = grow(b)
print(b % 1000007, b.bit_length())


def kw(a, b=2):
    return a - b


def call_kw(i):
    return kw(a=i, b=1) + kw(i)


print(sum(call_kw(i) for i in range(300)))


def gen(n):
    for i in range(n):
        yield i


def use_gen(n):
    return sum(gen(n))


for i in range(150):
    t = use_gen(i)
print(t)


def make_adder(k):
    def adder(x):
        return x + k
    return adder


inc = make_adder(1)


def use_closure(x):
    return inc(x)


for i in range(200):
    u = use_closure(i)
print(u)


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        if self.name % 50 == 0:
            print('del', self.name)


def replace(holder, i):
    old = holder
    holder = None
    old = i  # drops the last reference to the Loud: its __del__ runs here, inside the hot function
    return old


for i in range(103):
    r = replace(Loud(i), i)
    if i % 50 == 0:
        print('returned', r)
print('end')
