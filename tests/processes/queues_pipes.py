# Queues and pipes between processes: what is sent is pickled and arrives intact and in order.
import queue
from multiprocessing import Process, Queue, SimpleQueue, JoinableQueue, Pipe


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f'Point({self.x}, {self.y})'


def producer(q, n):
    for i in range(n):
        q.put((i, 'item', {'square': i * i}, Point(i, -i)))
    q.put(None)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == 'stop':
            break
        conn.send(('echo', msg))
    conn.close()


def writer(conn):
    conn.send_bytes(b'raw bytes')
    conn.send([1, 2, 3])


def consumer(q, out):
    total = 0
    while True:
        x = q.get()
        if x is None:
            break
        total += x
    out.put(total)


def doubler(jq, results):
    while True:
        x = jq.get()
        results.put(x * 2)
        jq.task_done()


if __name__ == '__main__':
    q = Queue()
    p = Process(target=producer, args=(q, 5))
    p.start()
    while (item := q.get()) is not None:
        print(item)
    p.join()
    try:
        q.get(timeout=0.01)
    except queue.Empty:
        print('queue.Empty after a timeout')
    try:
        q.get_nowait()
    except queue.Empty:
        print('queue.Empty at once')
    print(q.empty(), q.qsize())

    work, out = Queue(), Queue()
    consumers = [Process(target=consumer, args=(work, out)) for _ in range(2)]
    for c in consumers:
        c.start()
    for i in range(1, 101):
        work.put(i)
    for _ in consumers:
        work.put(None)
    print('sum over two consumers:', out.get() + out.get())
    for c in consumers:
        c.join()

    parent, child = Pipe()
    p = Process(target=echo, args=(child,))
    p.start()
    for msg in ['hello', 42, [1, {2: 3}], 'stop']:
        parent.send(msg)
        if msg != 'stop':
            print(parent.recv())
    p.join()

    r, w = Pipe(duplex=False)
    p = Process(target=writer, args=(w,))
    p.start()
    print(r.recv_bytes(), r.recv(), r.poll())
    p.join()
    try:
        r.send(1)
    except OSError as e:
        print('OSError:', e)

    sq = SimpleQueue()
    sq.put('simple')
    print(sq.get(), sq.empty())

    jq, results = JoinableQueue(), Queue()
    p = Process(target=doubler, args=(jq, results), daemon=True)
    p.start()
    for i in range(5):
        jq.put(i)
    jq.join()
    print(sorted(results.get() for _ in range(5)))
    p.terminate()
