# What a collection of cycles made by other threads runs: __del__ (once each), the callbacks of weak
# references to the garbage (made by any thread), and gc.callbacks; from the main thread and a thread.
import gc, threading, weakref

log = []
lock = threading.Lock()

def note(what):
    with lock:
        log.append(what)

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        note('del ' + self.name)

def cycle(name):
    a = Node(name + '.a'); b = Node(name + '.b')
    a.peer = b; b.peer = a
    return weakref.ref(a, lambda r: note('weakref ' + name))

phases = []
def on_gc(phase, info):
    phases.append((phase, info['generation'], info['collected']))

gc.collect()
gc.disable()
refs = []
def make(names):
    for n in names:
        refs.append(cycle(n))
t = threading.Thread(target=make, args=(['t1', 't2'],))
t.start(); t.join()
refs.append(cycle('main'))
print('alive', [r() is not None for r in refs])
gc.callbacks.append(on_gc)
print('collected', gc.collect())
gc.callbacks.remove(on_gc)
print('dead', [r() is None for r in refs])
print(sorted(log))
print(phases)

log.clear()
refs.clear()
make(['m1'])
out = []
def collect_here():
    refs.append(cycle('in-thread'))
    out.append(gc.collect())
t = threading.Thread(target=collect_here)
t.start(); t.join()
print('a thread collected', out, [r() is None for r in refs])
print(sorted(log))
gc.enable()
