# A pool inside a child Process works; a pool inside a pool worker fails as in CPython (pool workers are
# daemonic, and daemonic processes cannot have children): the AssertionError comes back through get().
import multiprocessing as mp


def sq(x):
    return x * x


def pool_sum(n):
    with mp.Pool(2) as p:
        return sum(p.map(sq, range(n)))


def report(n, q):
    q.put(pool_sum(n))


if __name__ == '__main__':
    q = mp.Queue()
    child = mp.Process(target=report, args=(5, q))
    child.start()
    print('pool in a Process:', q.get())
    child.join()
    print('exit code', child.exitcode)
    with mp.Pool(1) as outer:
        try:
            outer.apply(pool_sum, (3,))
        except AssertionError as e:
            print('pool in a pool worker: AssertionError:', e)
    print(mp.current_process().daemon)
