# Threads that wait, inside Python called back from native code (a generator consumed by sum() / list(),
# a sorted() key, an __init__), for another thread that is itself inside such a call: each native call
# returns before a thread switch ends its turn (gilpy's green threads share one JS stack), so neither
# waits for a thread kept below it on that stack (a false deadlock report, status 3, in a build that
# switched threads inside such calls).
import threading, queue
q = queue.Queue()
def heavy(i):
    s = 0
    for j in range(20):
        s += j
    return s + i
def producer():
    for r in range(3):
        total = sum(heavy(i) for i in range(30000))
        q.put(total)
def consumer(out):
    out.extend(list(q.get() for _ in range(3)))
out = []
a = threading.Thread(target=producer); b = threading.Thread(target=consumer, args=(out,))
a.start(); b.start(); a.join(); b.join()
print(out)

lock = threading.Lock()
started = threading.Event()
def slow_key(x):
    s = 0
    for i in range(50):
        s += i
    return -x
def a():
    with lock:
        started.set()
        r = sorted(range(20000), key=slow_key)
        print("a done", r[0])
class C:
    def __init__(self):
        with lock:
            self.v = 1
def b():
    started.wait()
    c = C()
    print("b done", c.v)
ta = threading.Thread(target=a); tb = threading.Thread(target=b)
ta.start(); tb.start(); ta.join(); tb.join()
