# A thread that never ends while the main thread waits for it and the others collect: --timeout stops it.
import gc, threading
def spin():
    while True:
        l = []
        l.append(l)
t = threading.Thread(target=spin, daemon=True)
t.start()
gc.collect()
t.join()
