# time.time, perf_counter and monotonic never go backwards within a run.
import time
t1 = time.time()
t2 = time.time()
print(t2 >= t1, type(t1).__name__, t1 > 1600000000)
p1 = time.perf_counter()
total = 0
for i in range(10000):
    total += i
p2 = time.perf_counter()
print(total, p2 >= p1, type(p1).__name__)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(m1).__name__)
ok = True
last = time.perf_counter()
for i in range(1000):
    now = time.perf_counter()
    if now < last:
        ok = False
    last = now
print("perf_counter monotonic:", ok)
