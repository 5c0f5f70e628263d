# The reprs of Lock and RLock name their owner as CPython does (this process, another thread, another
# process), and releasing an RLock that is not held raises its message.
import multiprocessing as mp, threading, time
def hold(l, ev, done):
    l.acquire()
    ev.set()
    done.wait()
    l.release()
if __name__ == '__main__':
    for cls in [mp.Lock, mp.RLock]:
        l = cls()
        print(repr(l))
        l.acquire()
        print(repr(l))
        if cls is mp.RLock:
            l.acquire(); print(repr(l)); l.release()
        out = []
        t = threading.Thread(target=lambda: out.append(repr(l)), name='Other')
        t.start(); t.join(); print(out[0])
        l.release()
        t = threading.Thread(target=lambda: (l.acquire(), out.append(repr(l)), l.release()), name='Worker')
        t.start(); t.join(); print(out[1])
        ev, done = mp.Event(), mp.Event()
        p = mp.Process(target=hold, args=(l, ev, done))
        p.start(); ev.wait(); print(repr(l)); done.set(); p.join()
        try:
            l.release()
        except (ValueError, AssertionError) as e:
            print(type(e).__name__, e)
    s = mp.Semaphore(2); print(repr(s)); s.acquire(); print(repr(s))
