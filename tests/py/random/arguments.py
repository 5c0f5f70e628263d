# argument binding: the messages of random.py's Python methods and of the C ones, keywords accepted
import random

def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print('TypeError:', e)

random.seed(a=3, version=2)
print(random.randrange(start=10), random.randrange(0, stop=10, step=2), random.randint(a=1, b=3))
print(random.sample(population=range(10), k=3), random.choices(population='abc', k=2), random.uniform(b=2, a=1))
print(random.gauss(sigma=2), random.normalvariate(mu=5), random.expovariate(lambd=2), random.choice(seq='xy'))
attempt(lambda: random.random(1))
attempt(lambda: random.getrandbits())
attempt(lambda: random.getrandbits(1, 2))
attempt(lambda: random.getrandbits(k=1))
attempt(lambda: random.randint(1))
attempt(lambda: random.randint(1, 2, 3))
attempt(lambda: random.randint(1, 2, c=3))
attempt(lambda: random.randint(1, a=2))
attempt(lambda: random.choice())
attempt(lambda: random.sample([1]))
attempt(lambda: random.sample())
attempt(lambda: random.sample([1, 2], 1, 2))
attempt(lambda: random.choices())
attempt(lambda: random.gauss(1, 2, 3))
attempt(lambda: random.seed(1, 2, 3))
attempt(lambda: random.getstate(1))
attempt(lambda: random.shuffle([1], 2))
attempt(lambda: random.expovariate())
attempt(lambda: random.uniform(1))
attempt(lambda: random.Random(1, 2))
attempt(lambda: random.randrange())
attempt(lambda: random.triangular(1, 2, 3, 4))
attempt(lambda: random.vonmisesvariate(1))
