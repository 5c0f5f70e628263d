# The program waits for non-daemon threads at exit, and drops daemon threads
import threading
import time

go = threading.Event()

def slow_finish():
    go.wait()
    time.sleep(0.02)
    print("non-daemon thread finished before exit")

def forever():
    while True:
        time.sleep(0.01)

t = threading.Thread(target=slow_finish)
t.start()
d = threading.Thread(target=forever, daemon=True)
d.start()
print(t.daemon, d.daemon, d.is_alive())
print(threading.Thread(target=forever).daemon)
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print("main ends")
go.set()
