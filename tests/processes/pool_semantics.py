# Pool, Process, Queue, Pipe and Value semantics compared with CPython: a generator given to map, an
# exception in the middle of imap, get(timeout) raising multiprocessing.TimeoutError, results and
# exceptions that cannot be pickled (MaybeEncodingError), joining a daemon, Queue with maxsize,
# JoinableQueue, Pipe at its end, the typecodes of Value and Array, 20 processes at once.
import multiprocessing as mp
import queue
import sys
import time


def sq(x):
    return x * x


def fails_at_3(x):
    if x == 3:
        raise ValueError('three')
    return x


def slow(x):
    time.sleep(0.5)
    return x


def returns_lambda(x):
    return lambda: x


class UnpicklableError(Exception):
    def __reduce__(self):
        raise TypeError('no way')


def raises_unpicklable(x):
    raise UnpicklableError('bad')


def exits_3():
    sys.exit(3)


def forever():
    while True:
        time.sleep(0.05)


if __name__ == '__main__':
    with mp.Pool(2) as p:
        print('map over a generator', p.map(sq, (i for i in range(5))))
        it = p.imap(fails_at_3, range(6))
        out = []
        while True:
            try:
                out.append(next(it))
            except StopIteration:
                break
            except ValueError as e:
                out.append('error: ' + str(e))
        print('imap', out)
        r = p.apply_async(slow, (1,))
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError as e:
            print('get(timeout)', type(e).__module__, type(e).__name__, isinstance(e, TimeoutError), r.ready())
        print(r.get())
        try:
            p.apply(returns_lambda, (1,))
        except Exception as e:
            print('result that cannot be pickled:', type(e).__name__, str(e).split(' at 0x')[0])
        try:
            p.apply(raises_unpicklable, (1,))
        except Exception as e:
            print('exception that cannot be pickled:', type(e).__name__, str(e).split(' at 0x')[0])
        print('the pool goes on', p.map(sq, [1, 2]))
        print('starmap', p.starmap(pow, [(2, 3), (3, 2)]))
        print('chunksize', p.map(sq, range(10), chunksize=3))
        print('imap_unordered', sorted(p.imap_unordered(sq, range(7))))
    d = mp.Process(target=forever, daemon=True)
    d.start()
    d.join(0.2)
    print('daemon after join(0.2):', d.is_alive(), d.exitcode)
    d.terminate()
    d.join()
    print('daemon terminated:', d.exitcode)
    q = mp.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    print('full', q.full())
    try:
        q.put(3, timeout=0.05)
    except queue.Full:
        print('put(timeout) on a full queue: Full')
    try:
        q.put_nowait(3)
    except queue.Full:
        print('put_nowait on a full queue: Full')
    print(q.get(), q.get())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('get(timeout) on an empty queue: Empty')
    jq = mp.JoinableQueue()
    for i in range(3):
        jq.put(i)
    got = [jq.get() for _ in range(3)]
    for _ in got:
        jq.task_done()
    jq.join()
    print('JoinableQueue joined', got)
    try:
        jq.task_done()
    except ValueError as e:
        print('task_done once too often:', e)
    a, b = mp.Pipe()
    a.send('x')
    a.close()
    print(b.recv())
    try:
        b.recv()
    except EOFError as e:
        print('Pipe at its end:', repr(e))
    for tc in ['i', 'd', 'b', 'B', 'h', 'l', 'q', 'f', 'c', 'L']:
        v = mp.Value(tc, b'x' if tc == 'c' else 3)
        print(tc, v.value, repr(v))
    print(repr(mp.Value('d', 1, lock=False)), repr(mp.RawValue('i', 3)))
    arr = mp.Array('i', [1, 2, 3])
    print(arr[:], len(arr), arr[1:2], mp.Array('d', 3)[:])
    try:
        mp.Value('z', 1)
    except TypeError as e:
        print('bad typecode:', e)
    p = mp.Process(target=exits_3)
    p.start()
    p.join()
    print('sys.exit(3):', p.exitcode)
    ps = [mp.Process(target=sq, args=(i,)) for i in range(20)]
    for x in ps:
        x.start()
    for x in ps:
        x.join()
    print('20 processes, exit codes 0:', [x.exitcode for x in ps].count(0))
