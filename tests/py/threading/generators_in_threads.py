# Each thread drives its own generator; a shared generator is guarded by a lock
import threading

def squares(n):
    for i in range(n):
        yield i * i

results = {}
lock = threading.Lock()

def consume(name, n):
    total = sum(squares(n))
    with lock:
        results[name] = total

ts = [threading.Thread(target=consume, args=(f"t{k}", 100 * (k + 1))) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))

def ticket_machine():
    n = 0
    while True:
        n += 1
        yield n

machine = ticket_machine()
tickets = []
def take(k):
    for _ in range(k):
        with lock:
            tickets.append(next(machine))
ts = [threading.Thread(target=take, args=(50,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(tickets), sorted(tickets) == list(range(1, 201)))

# a generator closed from another thread runs its finally there
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran in", threading.current_thread().name)
g = guarded()
next(g)
closer = threading.Thread(target=g.close, name="closer")
closer.start()
closer.join()
