# Value and Array live in shared memory: children's writes are seen by the parent; their lock makes
# read-modify-write safe across processes. Lock and Event work between processes too.
from multiprocessing import Process, Value, Array, Lock, Event, RawValue, RawArray, Semaphore


def add_many(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1


def double_all(a):
    for i in range(len(a)):
        a[i] = a[i] * 2


def with_lock(lock, v):
    with lock:
        v.value = v.value + 100


def wait_then_set(start, done, v):
    start.wait()
    v.value = 7
    done.set()


if __name__ == '__main__':
    v = Value('i', 0)
    ps = [Process(target=add_many, args=(v, 200)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counter', v.value)
    a = Array('d', [1.0, 2.5, 3.0])
    b = Array('i', 4)
    p = Process(target=double_all, args=(a,))
    p.start()
    p.join()
    print(a[:], len(a), a[1], b[:], list(b))
    lock = Lock()
    plain = RawValue('i', 5)
    p = Process(target=with_lock, args=(lock, plain))
    p.start()
    p.join()
    print('raw', plain.value, RawArray('b', [1, -1])[:])
    start, done = Event(), Event()
    flag = Value('i', 0, lock=False)
    p = Process(target=wait_then_set, args=(start, done, flag))
    p.start()
    print(start.is_set(), done.is_set())
    start.set()
    done.wait(timeout=30)
    p.join()
    print(done.is_set(), flag.value)
    f = Value('d', 1.5)
    f.value += 1
    print(f.value, Value('b', 300).value, Value('L', -1).value)
    s = Semaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(False), s.get_value())
    s.release()
    print(s.get_value())
    l = Lock()
    l.acquire()
    print(l.acquire(False), l.acquire(timeout=0.01))
    l.release()
    try:
        l.release()
    except ValueError as e:
        print('ValueError:', e)
