# No-GIL mode: four threads replace a class's attributes and methods (each old value is freed) while
# reading them through the class, through instances and by calling the methods. A class attribute found
# along the MRO is counted under its dict's lock and kept until the worker's next tick, so it is never
# read after another thread freed it. (`C.n += 1` still loses updates: a read then a write, as in CPython.)
import threading


class Base:
    def f(self):
        return ('base', 0)


class C(Base):
    n = 1000
    s = ('s', 0)


bad = []


def work(k):
    wrong = 0
    for i in range(4000):
        C.n += 1
        C.s = ('s', i)
        if i % 2:
            C.f = lambda self, i=i: ('f', i)
        else:
            Base.f = lambda self, i=i: ('base', i)
        x = C.s
        y = C().s
        z = C().f()
        wrong += not (x[0] == 's' and y[0] == 's' and z[0] in ('f', 'base'))
    bad.append(wrong)


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(bad, 1000 < C.n <= 17000, C.s[0], C().f()[0])
