# time.sleep(0.01) takes at least 0.01 seconds.
import time
start = time.perf_counter()
time.sleep(0.01)
elapsed = time.perf_counter() - start
print(elapsed >= 0.01, elapsed < 5)
s2 = time.monotonic()
time.sleep(0.02)
print(time.monotonic() - s2 >= 0.02)
w = time.time()
time.sleep(0)
print(time.time() >= w)
print(time.sleep(0.001) is None)
