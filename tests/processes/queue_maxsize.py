# A Queue with a maxsize never holds more than maxsize items, with several processes putting at once;
# a put that fails takes no place, and a JoinableQueue does not count it as a task.
import multiprocessing as mp


def producer(q, n):
    for i in range(n):
        q.put(i)


if __name__ == '__main__':
    q = mp.Queue(maxsize=2)
    ps = [mp.Process(target=producer, args=(q, 300)) for _ in range(4)]
    for p in ps:
        p.start()
    most = 0
    got = 0
    while got < 1200:
        most = max(most, q.qsize())
        q.get()
        got += 1
    for p in ps:
        p.join()
    print('items:', got, 'never more than maxsize:', most <= 2)
    jq = mp.JoinableQueue(maxsize=1)
    jq.put(1)
    try:
        jq.put_nowait(2)
    except Exception as e:
        print('full:', type(e).__name__, jq.full(), jq.qsize())
    jq.get()
    jq.task_done()
    jq.join()
    print('joined after a put that failed')
    import queue
    q = mp.Queue(maxsize=1)
    q.put('a')
    try:
        q.put('b', timeout=0.05)
    except queue.Full:
        print('Full after the timeout')
    try:
        q.put(lambda: 0, False)
    except queue.Full:
        print('Full before pickling')
    print(q.get(), q.empty(), q.full())
    q.put('c')
    print(q.get())
