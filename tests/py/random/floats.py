# random(), uniform, gauss (with its cached second value), normalvariate, expovariate and friends
import random

random.seed(31337)
print([random.random() for _ in range(8)])
print(random.uniform(1, 10), random.uniform(-1.5, 1.5), random.uniform(5, 5), random.uniform(10, 1))
print([random.gauss(0, 1) for _ in range(7)])
print(random.gauss(), random.gauss(100, 15), random.gauss(mu=1, sigma=0.1))
print([random.normalvariate(0, 1) for _ in range(5)], random.normalvariate(mu=10, sigma=2))
print([random.expovariate(1.0) for _ in range(4)], random.expovariate(0.25), random.expovariate(10))
print(random.lognormvariate(0, 0.5), random.paretovariate(3), random.triangular(), random.triangular(0, 10, 2))
random.seed(5)
xs = [random.random() for _ in range(1000)]
print(min(xs) >= 0.0, max(xs) < 1.0, round(sum(xs) / len(xs), 1))
g = [random.gauss(0, 1) for _ in range(2000)]
print(round(sum(g) / len(g), 1))
# seed() resets the cached gauss value
random.seed(8)
a = random.gauss()
random.seed(8)
print(a == random.gauss())
