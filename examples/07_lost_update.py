# The lost update, and the lock that prevents it. `counter += 1` is several instructions (load the
# value, add one, store it back); if the interpreter switches threads between the load and the store,
# the other threads' increments made in between are overwritten and lost. The GIL does not prevent it:
# it protects the interpreter, not your read-modify-write. Where a switch may fall decides whether it
# happens: CPython 3.10 and later switch only at calls and backward jumps, so this call-free loop loses
# nothing there, and neither does gilpy by default. Run it as
#   node dist/gilpy.mjs --switch-points=any --switch-interval=3 examples/07_lost_update.py
# to let a switch fall between any two instructions every 3 instructions (as CPython before 3.10 did):
# look for the unsafe counter ending well below the expected total (the same number on every run: gilpy's
# scheduler counts instructions, not time), and for the locked counter exact in every mode. Arguments:
# increments per thread (10000) and threads (4).
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 4
counter = 0
lock = threading.Lock()

def unsafe():
    global counter
    for _ in range(N):
        counter += 1              # load, add, store: a switch in between loses updates

def safe():
    global counter
    for _ in range(N):
        with lock:                # one thread at a time between acquire and release
            counter += 1

for worker in (unsafe, safe):
    counter = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lost = N * THREADS - counter
    print(f"{worker.__name__:>6}: counter = {counter} (expected {N * THREADS}, lost {lost})")
