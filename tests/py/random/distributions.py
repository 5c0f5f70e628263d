# the other distributions of random.py, drawn from seeded generators
import random

r = random.Random(2718)
print([r.gammavariate(a, 2.0) for a in (0.3, 1.0, 2.5, 50.0)])
print([r.betavariate(a, b) for a, b in ((0.5, 0.5), (2, 5), (1, 1))])
print([r.weibullvariate(1.0, k) for k in (0.5, 1.0, 3.0)])
print([r.vonmisesvariate(mu, kappa) for mu, kappa in ((0.0, 0.0), (1.0, 4.0), (3.0, 100.0), (-2.0, 1.0))])
print([r.paretovariate(a) for a in (1, 2.5)], [r.lognormvariate(1, 0.25) for _ in range(3)])
print([r.triangular(0, 10) for _ in range(3)], r.triangular(1.0, 3.0, 2.0), r.triangular(5.0, 5.0, 5.0))
random.seed(1)
print(random.gammavariate(9, 0.5), random.betavariate(3, 3), random.weibullvariate(2, 3), random.vonmisesvariate(0, 2))
for bad in [(0, 1), (1, -1)]:
    try:
        r.gammavariate(*bad)
    except ValueError as e:
        print('ValueError:', e)
print(random.NV_MAGICCONST, random.TWOPI, random.LOG4, random.SG_MAGICCONST, random.RECIP_BPF, random.BPF)
print(random.__all__)
