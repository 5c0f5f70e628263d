# oracle: stderr
# An exception in a child prints its traceback (headed "Process NAME:") and gives exit code 1;
# sys.exit(n) gives n; terminate() gives -15 (SIGTERM).
import sys
import time
from multiprocessing import Process


def boom():
    raise ValueError("boom in child")


def exiter(code):
    sys.exit(code)


def forever():
    while True:
        time.sleep(0.01)


if __name__ == '__main__':
    p = Process(target=boom)
    p.start()
    p.join()
    print('boom', p.exitcode)
    for code in (0, 3, None, 'a message', 255):
        p = Process(target=exiter, args=(code,))
        p.start()
        p.join()
        print('exit', repr(code), p.exitcode)
    p = Process(target=forever)
    p.start()
    p.terminate()
    p.join()
    print('terminated', p.exitcode, p.is_alive())
    p = Process(target=forever)
    p.start()
    p.kill()
    p.join()
    print('killed', p.exitcode)
    p = Process(target=forever, daemon=True)
    p.start()
    p.join(timeout=0.05)
    print('still running after a join timeout:', p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print(p.exitcode)
