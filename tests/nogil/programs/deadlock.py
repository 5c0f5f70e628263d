# Two threads take two locks in opposite orders: each waits for the other's.
import threading, time
a = threading.Lock()
b = threading.Lock()
both = threading.Barrier(2)
def left():
    with a:
        both.wait()
        with b:
            pass
def right():
    with b:
        both.wait()
        with a:
            pass
t1 = threading.Thread(target=left, name="left")
t2 = threading.Thread(target=right, name="right")
t1.start(); t2.start()
t1.join(); t2.join()
print("not reached")
