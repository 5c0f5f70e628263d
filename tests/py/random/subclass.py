# subclasses of random.Random: attributes, __init__, and overriding random() / getrandbits() / seed()
import random

class S(random.Random):
    pass
print(S(5).random() == random.Random(5).random(), isinstance(S(), random.Random), type(S(1)).__name__)

class R(random.Random):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
    def random(self):
        return 0.5
r = R(1, 2)
print(r.b, r.random(), r.randint(1, 100), r.choice('abcdef'), r.uniform(0, 10), r.gauss(0, 1))
print(sorted(r.__dict__), r.getrandbits(20))

class Counter(random.Random):
    """A generator of our own devising: random() only, so _randbelow uses random()."""
    def __init__(self):
        self.n = 0
        super().__init__(0)
    def seed(self, a=None):
        self.n = 0
    def random(self):
        self.n += 1
        return (self.n * 0.618033988749895) % 1.0
c = Counter()
print([c.randrange(10) for _ in range(8)], c.choice('xyz'), c.sample(range(5), 3), c.n)
l = list(range(6))
c.shuffle(l)
print(l, c.choices('ab', k=3), round(c.expovariate(1), 6))
c.seed(99)
print(c.n)

class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 5
b = Bits(3)
print(b.randrange(6), b.getrandbits(2), b.randint(0, 7), b.random() == random.Random(3).random())

class Both(random.Random):
    def random(self):
        return 0.25
    def getrandbits(self, k):
        return 1
print(Both().randrange(100), Both().random(), Both().choice('abc'))

x = random.Random(4)
x.tag = 'attr'
print(x.tag, x.__dict__)
x.__init__(4)
y = random.Random(4)
print(x.random() == y.random())
