# Process objects: start, join, exit codes, names, liveness, subclassing, and fork's copy semantics.
import os
from multiprocessing import Process, Queue, current_process, parent_process, active_children

counter = 10
shared_list = [1, 2, 3]


def show(tag):
    print(tag, current_process().name, parent_process().name, os.getppid() != os.getpid())


def mutate(q):
    # the child changes its own copy: the parent's objects are untouched
    global counter
    counter += 1
    shared_list.append(4)
    q.put((counter, shared_list, id(shared_list)))


class Worker(Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print('Worker.run', self.n, self.name, current_process() is self)


if __name__ == '__main__':
    print(current_process().name, parent_process(), current_process().pid == os.getpid())
    p = Process(target=show, args=('child',))
    print(p.name, p.pid, p.exitcode, p.is_alive(), p.daemon)
    p.start()
    started = (p.is_alive() in (True, False), p.pid is not None, p.pid != os.getpid())
    p.join()
    # printed after join: a line printed while the child runs may come before or after the child's
    print(*started)
    print(p.exitcode, p.is_alive(), active_children())
    q = Queue()
    p = Process(target=mutate, args=(q,))
    p.start()
    c, lst, child_id = q.get()
    p.join()
    print('child saw', c, lst, 'parent has', counter, shared_list)
    print('same address after fork:', child_id == id(shared_list))
    w = Worker(7)
    w.start()
    w.join()
    print(w.name, w.exitcode)
    named = Process(target=show, args=('named',), name='my-proc')
    named.start()
    named.join(timeout=30)
    print(named.name, named.exitcode)
    try:
        named.start()
    except AssertionError as e:
        print('AssertionError:', e)
    try:
        Process(target=show).join()
    except AssertionError as e:
        print('AssertionError:', e)
    d = Process(target=show, args=('daemon',), daemon=True)
    print(d.daemon)
    d.start()
    d.join()
    print(d.exitcode)
