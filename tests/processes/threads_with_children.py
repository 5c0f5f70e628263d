# Several threads of one process wait on a multiprocessing Queue and Lock with timeouts while children
# put and take the lock: no message is lost or received twice, and every acquisition is released.
import multiprocessing as mp
import queue
import threading


def producer(q, n, lock, counter):
    for i in range(n):
        q.put(i)
        with lock:
            counter.value += 1


if __name__ == '__main__':
    q = mp.Queue()
    lock = mp.Lock()
    counter = mp.Value('i', 0, lock=False)
    ps = [mp.Process(target=producer, args=(q, 200, lock, counter)) for _ in range(3)]
    for p in ps:
        p.start()
    got = []
    def consumer():
        while True:
            try:
                x = q.get(timeout=0.01)
            except queue.Empty:
                if all(not p.is_alive() for p in ps) and q.empty():
                    return
                continue
            got.append(x)
    def locker():
        for _ in range(300):
            if lock.acquire(timeout=0.001):
                lock.release()
    ts = [threading.Thread(target=consumer) for _ in range(3)] + [threading.Thread(target=locker) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for p in ps:
        p.join()
    print(len(got), sorted(got) == sorted(list(range(200)) * 3), counter.value)
    print('the lock is free:', lock.acquire(timeout=0), [p.exitcode for p in ps])
