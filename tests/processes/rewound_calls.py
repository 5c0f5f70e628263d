# A blocking queue call that waited, then raised when it ran again (its block argument's __bool__ fails
# the second time), leaves nothing behind: the next non-blocking get does not wait.
import multiprocessing as mp
import queue


class FlakyTrue:
    calls = 0

    def __bool__(self):
        FlakyTrue.calls += 1
        if FlakyTrue.calls % 2 == 0:
            raise ValueError('flaky')
        return True


if __name__ == '__main__':
    q = mp.Queue()
    try:
        print(q.get(FlakyTrue(), 0.1))
    except ValueError as e:
        print('ValueError', e)
    try:
        print(q.get_nowait())
    except queue.Empty:
        print('Empty at once')
    q.put('x')
    print(q.get(True, 5))
