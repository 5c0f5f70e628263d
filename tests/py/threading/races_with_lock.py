# Shared state with and without a lock: list appends are safe, the lock keeps a counter exact
import threading

shared = []
def appender(tag):
    for i in range(500):
        shared.append((tag, i))
ts = [threading.Thread(target=appender, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared), all(shared.count((k, 499)) == 1 for k in range(4)))
# each thread's items stay in its own order
print(all([i for tag, i in shared if tag == k] == list(range(500)) for k in range(4)))

balance = 0
lock = threading.Lock()
def deposit(n):
    global balance
    for _ in range(n):
        with lock:
            balance += 1
def withdraw(n):
    global balance
    for _ in range(n):
        with lock:
            balance -= 1
ts = [threading.Thread(target=deposit, args=(3000,)), threading.Thread(target=withdraw, args=(1000,)),
      threading.Thread(target=deposit, args=(500,))]
for t in ts: t.start()
for t in ts: t.join()
print("balance", balance)

# a generator shared between threads under a lock
def numbers():
    n = 0
    while True:
        yield n
        n += 1
gen = numbers()
taken = []
def take():
    for _ in range(100):
        with lock:
            taken.append(next(gen))
ts = [threading.Thread(target=take) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(taken) == list(range(300)))
