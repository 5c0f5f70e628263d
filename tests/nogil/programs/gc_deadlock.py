# A collection in each thread, then a deadlock across two workers: still diagnosed (status 3).
import gc, threading
a = threading.Lock()
b = threading.Lock()
both = threading.Barrier(2)
def left():
    gc.collect()
    with a:
        both.wait()
        with b:
            pass
def right():
    gc.collect()
    with b:
        both.wait()
        with a:
            pass
t1 = threading.Thread(target=left, name="left")
t2 = threading.Thread(target=right, name="right")
t1.start(); t2.start()
gc.collect()
t1.join(); t2.join()
print("not reached")
