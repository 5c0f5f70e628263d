# Barrier, Timer and thread-local data
import threading

lock = threading.Lock()
order = []
b = threading.Barrier(3, action=lambda: order.append("all arrived"))
def party(i):
    with lock:
        order.append(f"arrive")
    idx = b.wait()
    with lock:
        order.append("leave")
ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(order)
print(b.parties, b.n_waiting, b.broken)

# a broken barrier
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken:", b2.broken)
b2.reset()
print("after reset:", b2.broken)

# Timer: runs once after its interval, or never if cancelled
fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
t.start()
t.join()
c = threading.Timer(10, fired.append, args=["cancelled one"])
c.start()
c.cancel()
c.join()
print(fired)

# thread-local data: each thread sees its own attributes
data = threading.local()
data.value = "main"
seen = []
def worker(v):
    data.value = v
    with lock:
        seen.append((v, data.value))
ts = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen), data.value)
def no_value():
    with lock:
        seen.append(hasattr(data, "value"))
t = threading.Thread(target=no_value)
t.start(); t.join()
print(seen[-1])
