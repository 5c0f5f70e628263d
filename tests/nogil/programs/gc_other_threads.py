# Reference cycles made by some threads, found by gc.collect() in another: the main thread, then a thread
# of its own. Lists and dicts only, so that the counts are CPython's too.
import gc, threading

def make_cycles(n):
    for i in range(n):
        l = [i]
        l.append(l)
        d = {'n': i}
        d['me'] = d
        pair = [[], []]
        pair[0].append(pair[1])
        pair[1].append(pair[0])

gc.collect()
gc.disable()  # for every thread: only the collections asked for run
threads = [threading.Thread(target=make_cycles, args=(50,)) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print('the main thread collects', gc.collect())

found = []
threads = [threading.Thread(target=make_cycles, args=(40,)) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
c = threading.Thread(target=lambda: found.append(gc.collect()))
c.start(); c.join()
print('a thread collects', found)

# while the other threads run (and make more): each collection finds at least what it found alone
done = threading.Event()
def busy():
    while not done.is_set():
        make_cycles(10)
workers = [threading.Thread(target=busy) for _ in range(2)]
for t in workers: t.start()
make_cycles(30)
print('with two threads running', gc.collect() >= 120)
done.set()
for t in workers: t.join()
gc.collect()
print('afterwards', gc.collect(), gc.isenabled())
gc.enable()
print(gc.isenabled())
