# Threads that compute, started and joined: results collected under a lock, names, idents, is_alive
import threading

results = {}
lock = threading.Lock()

def work(n):
    total = 0
    for i in range(n):
        total += i * i
    with lock:
        results[n] = total

threads = [threading.Thread(target=work, args=(k * 1000,)) for k in range(1, 6)]
print([t.name for t in threads])
print([t.is_alive() for t in threads], [t.ident is None for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in threads])
print(all(t.ident is not None for t in threads), all(t.ident != threading.get_ident() for t in threads))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))
print(repr(threading.current_thread()).startswith("<_MainThread(MainThread, started"))

# a subclass overriding run
class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter-{n}")
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
        self.me = threading.current_thread()

c = Counter(100)
c.start()
c.join()
print(c.name, c.result, c.me is c)

# kwargs and a thread that returns at once
def greet(greeting, name="world"):
    with lock:
        results["greet"] = f"{greeting}, {name}"
t = threading.Thread(target=greet, args=("hello",), kwargs={"name": "threads"})
t.start()
t.join()
print(results["greet"])

# join with a timeout on a finished thread, errors
t.join(0.1)
try:
    threading.Thread(target=greet).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
