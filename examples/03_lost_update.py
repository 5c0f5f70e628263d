# A race the GIL does not prevent: `counter += 1` is several instructions (load, add, store), and a
# thread switch between the load and the store loses the other thread's updates.
#
#   gilpy --switch-points=any --switch-interval=3 examples/03_lost_update.py   loses updates
#   gilpy examples/03_lost_update.py                                          does not (see below)
#
# By default gilpy switches threads only where CPython 3.10+ does (backward jumps, function entry,
# after calls), so a loop body without calls runs whole between switches, and no update is lost,
# as on CPython 3.11. With --switch-points=any a switch can fall between any two instructions (as in
# CPython before 3.10). The lock makes the read-modify-write atomic in both modes.
import threading

N = 10_000
THREADS = 4
counter = 0
lock = threading.Lock()

def unsafe():
    global counter
    for _ in range(N):
        counter += 1

def safe():
    global counter
    for _ in range(N):
        with lock:
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
