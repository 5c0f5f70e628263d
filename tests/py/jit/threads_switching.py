# Threads running compiled functions still hand the GIL over every few instructions (a tick is counted as
# in the loop): two threads that each count in a hot function both make progress before either ends.
import threading
import sys

sys.setswitchinterval(0.0001)
progress = {'a': [], 'b': []}


def step(x):
    return x + 1


def work(name, n):
    v = 0
    for i in range(n):
        v = step(v)
        if i % 20000 == 0:
            progress[name].append(len(progress['a']) + len(progress['b']))
    return v


results = {}


def run(name):
    results[name] = work(name, 200000)


ts = [threading.Thread(target=run, args=(n,)) for n in ('a', 'b')]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
a, b = progress['a'], progress['b']
print(len(a), len(b))
# interleaved: each thread saw the other's progress before it ended
print(a[-1] > len(a) - 1 and b[-1] > len(b) - 1)
