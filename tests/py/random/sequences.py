# choice, shuffle, sample (both of random.py's strategies, counts=), choices (weights, cum_weights, k)
import random

random.seed(99)
print([random.choice('abcdefghij') for _ in range(15)])
print(random.choice([None, 1.5, 'x', (1, 2)]), random.choice(range(100, 200)), random.choice((7,)))
for n in [1, 2, 3, 10, 52]:
    deck = list(range(n))
    random.shuffle(deck)
    print(n, deck)
t = ['a', 'b', 'c', 'd', 'e']
random.shuffle(t)
print(t)
print(random.sample(range(10), 10))
print(random.sample(range(100), 5), random.sample(range(100), 30))
print(random.sample(range(10**9), 8))
print(random.sample('abcdefghijklmnop', 6), random.sample(('x', 'y', 'z'), 0))
print(random.sample(['red', 'blue'], 5, counts=[4, 2]))
print(random.choices(['a', 'b', 'c']), random.choices('xyz', k=10))
print(random.choices(range(5), weights=[5, 1, 0, 0, 10], k=12))
print(random.choices(range(5), weights=[0.5, 0.1, 2.5, 0.0, 1.0], k=12))
print(random.choices('abc', cum_weights=[1, 1, 3], k=10))
print(random.choices([], k=0))
