# A child process with two threads of its own: traced from the parent, its events come back with its pid.
from multiprocessing import Process
import threading
def work(n):
    def spin():
        x = 0
        for i in range(n): x += i
    ts = [threading.Thread(target=spin) for _ in range(2)]
    for t in ts: t.start()
    for t in ts: t.join()
if __name__ == '__main__':
    p = Process(target=work, args=(30000,))
    p.start(); p.join()
    print(p.exitcode)
