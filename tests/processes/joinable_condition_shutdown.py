# A JoinableQueue drained by two processes, a Condition notified by a child, an empty Queue's state, and
# ProcessPoolExecutor.shutdown(cancel_futures=True) cancelling the futures that have not started.
import multiprocessing as mp, time
from concurrent.futures import ProcessPoolExecutor
def worker(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * 2)
        jq.task_done()
def cond_child(c, v):
    with c:
        v.value = 1
        c.notify()
def sq(x): return x * x
def slow(x):
    time.sleep(0.2); return x
if __name__ == '__main__':
    jq, out = mp.JoinableQueue(), mp.Queue()
    ps = [mp.Process(target=worker, args=(jq, out)) for _ in range(2)]
    for p in ps: p.start()
    for i in range(10): jq.put(i)
    for _ in ps: jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(10)))
    for p in ps: p.join()
    c = mp.Condition(); v = mp.Value('i', 0)
    with c:
        p = mp.Process(target=cond_child, args=(c, v)); p.start()
        print(c.wait_for(lambda: v.value == 1, timeout=5))
    p.join()
    q = mp.Queue()
    print(q.qsize(), q.empty(), q.full())
    q.put(1); time.sleep(0.05); print(q.qsize(), q.empty())
    ex = ProcessPoolExecutor(1)
    fs = [ex.submit(slow, i) for i in range(4)]
    ex.shutdown(cancel_futures=True)
    print([f.cancelled() for f in fs].count(True) >= 1, fs[0].result())
    try:
        ex.submit(sq, 1)
    except RuntimeError as e:
        print('RuntimeError', e)
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(sq, range(5), timeout=10)))
        print(list(ex.map(pow, [2, 3], [2, 2])))
