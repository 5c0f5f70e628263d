# a daemon thread spins inside Python called from native code (a key function of sorted) when the
# program ends: its turn ends there (Scheduler.switchNested) and the main thread runs and finishes; the
# daemon is dropped, the program exits 0 (before, the daemon went on spinning with the main thread done)
import threading
flag = []
def spin(x):
    while not flag:
        pass
    return x
def worker():
    sorted([1, 2, 3], key=spin)
threading.Thread(target=worker, daemon=True).start()
print("main done")
