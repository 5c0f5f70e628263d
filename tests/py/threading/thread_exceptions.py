# oracle: stderr
# An exception in a thread is reported (threading.excepthook) and the program goes on
import threading

def fails(x):
    return 1 / x

t = threading.Thread(target=fails, args=(0,))
t.start()
t.join()
print("main goes on after a thread failed")

class Worker(threading.Thread):
    def run(self):
        raise KeyError("missing")

w = Worker(name="custom-name")
w.start()
w.join()

# a custom excepthook sees the exception and the thread
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
t = threading.Thread(target=fails, args=(0,), name="hooked")
t.start()
t.join()
print(seen)
threading.excepthook = threading.__excepthook__

# SystemExit in a thread ends only that thread, silently
def leaves():
    raise SystemExit(3)
t = threading.Thread(target=leaves)
t.start()
t.join()
print("done")
