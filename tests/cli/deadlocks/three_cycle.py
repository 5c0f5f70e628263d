import threading, time
locks = [threading.Lock() for _ in range(3)]
def grab(i):
    with locks[i]:
        time.sleep(0.01)
        with locks[(i + 1) % 3]:
            pass
ts = [threading.Thread(target=grab, args=(i,), name=f"philosopher-{i}") for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
