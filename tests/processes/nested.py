# A process that starts processes of its own, and a Pool inside a child.
from multiprocessing import Process, Queue, current_process, Pool
def leaf(q):
    q.put(('leaf', current_process().name))
def middle(q):
    p = Process(target=leaf, args=(q,))
    p.start(); p.join()
    q.put(('middle', current_process().name, p.exitcode))
def sq(x): return x * x
def pool_in_child(q):
    with Pool(2) as pool:
        q.put(pool.map(sq, range(5)))
if __name__ == '__main__':
    q = Queue()
    p = Process(target=middle, args=(q,))
    p.start(); p.join()
    print(q.get(), q.get(), p.exitcode)
    p = Process(target=pool_in_child, args=(q,))
    p.start(); p.join()
    print(q.get(), p.exitcode)
