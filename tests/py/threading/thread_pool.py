# concurrent.futures.ThreadPoolExecutor: submit, map, as_completed, wait, exceptions, shutdown
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED, FIRST_EXCEPTION
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futures = {ex.submit(square, i): i for i in range(8)}
    print(sorted((futures[f], f.result()) for f in as_completed(futures)))
    f = ex.submit(pow, 2, 10)
    print(f.result(), f.done(), f.cancelled(), f.exception())
    bad = ex.submit(int, "x")
    try:
        bad.result()
    except ValueError as e:
        print("ValueError:", e)
    print(type(bad.exception()).__name__)
    done, not_done = wait([ex.submit(square, 3), ex.submit(square, 4)], return_when=ALL_COMPLETED)
    print(sorted(d.result() for d in done), len(not_done))
    names = set()
    def who():
        names.add(threading.current_thread().name.split("_")[0])
    for _ in range(5):
        ex.submit(who)
print(names)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

results = []
def add_cb(fut):
    results.append(("callback", fut.result()))
with ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(sum, [1, 2, 3])
    f.add_done_callback(add_cb)
f.result()
print(results)
with ThreadPoolExecutor(2) as ex:
    print(list(ex.map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
