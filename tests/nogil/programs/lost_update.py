# x += 1 on a shared global from two threads: without the GIL, updates may be lost.
import threading
N = 200_000
counter = 0
def work():
    global counter
    for _ in range(N):
        counter += 1
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("final", counter, "expected", 2 * N)
