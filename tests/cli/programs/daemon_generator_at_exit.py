# a daemon thread suspended inside a generator whose finally would block: dropped at exit, silently
import threading
L = threading.Lock()
def gen():
    try:
        yield 1
        yield 2
    finally:
        with L:
            print("never printed: daemon threads are frozen at exit, as in CPython")
def daemon():
    g = gen()
    next(g)
    threading.Event().wait()
L.acquire()
threading.Thread(target=daemon, daemon=True).start()
print("main ends holding the lock")
