import threading
ev = threading.Event()
def waiter():
    ev.wait()
t = threading.Thread(target=waiter)
t.start()
t.join()
