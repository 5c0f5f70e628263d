# The GIL (the seed notebook's cells 8 to 11): a countdown run in one thread, then split in halves over
# two threads. Under the GIL only one thread runs Python code at a time, so the two threads take turns
# and the split takes about as long as the single run: look for a ratio near 1 on the last line (on
# python3 too; the notebook measured 4.77 s and 4.76 s). The count is the first argument (10 million by
# default, a second or two; the notebook used 50_000_000). Add --stats to see the turns (forced
# switches every --switch-interval instructions), and compare 09_no_gil.py, the same split without
# the GIL.
#
#   node dist/gilpy.mjs examples/06_gil.py [COUNT]
#   node dist/gilpy.mjs --stats examples/06_gil.py 5000000
import sys
import time
from threading import Thread

# In [8]: the notebook's `contador`
count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000

# In [9]: the notebook's `contagem_regressiva`
def countdown(n):
    while n > 0:
        n -= 1

# In [10]: SINGLE THREAD (MAIN). (The notebook timed with time.time(); perf_counter() is the clock
# meant for measuring intervals, and finer.)
start = time.perf_counter()
countdown(count)
end = time.perf_counter()
one = end - start
print(f"one thread:  {one:.3f} s")

# In [11]: MULTI-THREADS
t1 = Thread(target=countdown, args=(count // 2,))
t2 = Thread(target=countdown, args=(count // 2,))
start = time.perf_counter()
t1.start()
t2.start()
t1.join()
t2.join()
end = time.perf_counter()
two = end - start
print(f"two threads: {two:.3f} s")

gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # Python 3.13+; always True before
why = "the GIL lets one thread run at a time" if gil else "no GIL: the threads run in parallel"
print(f"two threads / one thread = {two / one:.2f} ({why})")
