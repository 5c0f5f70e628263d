# CPython's errors for bad arguments
import random

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

random.seed(1)
attempt(lambda: random.choice([]))
attempt(lambda: random.choice(''))
attempt(lambda: random.randrange(0))
attempt(lambda: random.randrange(-5))
attempt(lambda: random.randrange(5, 5))
attempt(lambda: random.randrange(10, 1))
attempt(lambda: random.randrange(0, 10, 0))
attempt(lambda: random.randrange(0, 10, -1))
attempt(lambda: random.randrange(1.5))
attempt(lambda: random.randint(5, 1))
attempt(lambda: random.getrandbits(-1))
attempt(lambda: random.sample(range(3), 5))
attempt(lambda: random.sample(range(3), -1))
attempt(lambda: random.sample({1, 2, 3}, 1))
attempt(lambda: random.sample([1, 2], 1, counts=[1]))
attempt(lambda: random.choices('ab', [1, 2, 3]))
attempt(lambda: random.choices('ab', [0, 0]))
attempt(lambda: random.choices('ab', [1, 2], cum_weights=[1, 2]))
attempt(lambda: random.choices('ab', 3))
attempt(lambda: random.seed([1, 2]))
attempt(lambda: random.seed({}))
attempt(lambda: random.expovariate(0))
attempt(lambda: random.setstate((9, (), None)))
attempt(lambda: random.setstate((3, (1, 2), None)))
print(random.random())
