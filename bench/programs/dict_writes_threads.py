# Two threads, each calling methods and overwriting instance attributes and a class attribute (dict
# overwrites: without the GIL each replaced value goes through the delayed drops, nogil/qsbr.ts, while
# both threads run). Argument: iterations per thread.
import sys, threading
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
class P:
    count = 0
    def __init__(self):
        self.x = 0
        self.y = 0
    def step(self, i):
        self.x = i * 1000
        self.y = (i, i)
        return self.x
def work():
    p = P()
    s = 0
    for i in range(n):
        s += p.step(i) & 1
        P.count = i * 1000
    return s
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(P.count)
