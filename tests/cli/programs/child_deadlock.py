# A child that deadlocks (CPython would hang): gilpy reports it in the child, which exits with status 3;
# the parent goes on.
import threading
from multiprocessing import Process


def stuck():
    lock = threading.Lock()
    lock.acquire()
    lock.acquire()


if __name__ == '__main__':
    p = Process(target=stuck)
    p.start()
    p.join()
    print('child exit code', p.exitcode)
