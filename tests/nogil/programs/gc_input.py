# The main thread blocked reading a line of input does not keep another thread's collection waiting.
import gc, threading, time
def collect():
    time.sleep(0.2)
    l = []
    l.append(l)
    del l
    print('a thread collected', gc.collect(), 'while the main thread reads', flush=True)
t = threading.Thread(target=collect)
t.start()
line = input()
t.join()
print('read', repr(line))
