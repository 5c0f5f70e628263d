# Processes started by several threads at once (without the GIL, from several workers), each forked from
# a heap other threads are changing; what the children see and send back, and weak references and
# reference cycles copied into them.
import gc, multiprocessing as mp, threading, weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

def child(q, tag, ref):
    alive = ref() is not None and ref().name == 'kept'
    q.put((tag, alive, gc.collect() >= 0, sorted(shared)))

shared = [1, 2, 3]
kept = Node('kept')
ref = weakref.ref(kept)

def churn(stop):
    # reference cycles and counts changing on another worker while processes fork
    while not stop.is_set():
        a = Node('a'); b = Node('b'); a.peer = b; b.peer = a

def starter(q, tag, out):
    p = mp.Process(target=child, args=(q, tag, ref))
    p.start()
    p.join()
    out.append((tag, p.exitcode))

if __name__ == '__main__':
    q = mp.Queue()
    stop = threading.Event()
    churners = [threading.Thread(target=churn, args=(stop,)) for _ in range(2)]
    for t in churners: t.start()
    out = []
    ts = [threading.Thread(target=starter, args=(q, i, out)) for i in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
    stop.set()
    for t in churners: t.join()
    print(sorted(q.get(timeout=10) for _ in range(4)))
    print(sorted(out))
    with mp.Pool(2) as pool:
        print(pool.map(abs, range(-3, 3)))
