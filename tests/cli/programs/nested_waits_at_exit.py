# two daemon threads wait inside Python called from native code (sorted), one pinned on top of the
# other on the JS stack, when the program ends: they are dropped, the program exits 0 without spinning
import threading
L = threading.Lock()
ev = threading.Event()
class K:
    def __init__(self, name):
        self.name = name
    def __lt__(self, other):
        # a wait inside Python called from native code (sorted): the thread waits pinned on the JS stack
        if self.name == "t1":
            L.acquire(timeout=0.05)
        else:
            ev.wait()
        return False
def t1():
    sorted([K("t1"), K("t1")])
def t2():
    sorted([K("t2"), K("t2")])
L.acquire()
a = threading.Thread(target=t1, daemon=True); a.start()
b = threading.Thread(target=t2, daemon=True); b.start()
a.join(2)
print("main done")
