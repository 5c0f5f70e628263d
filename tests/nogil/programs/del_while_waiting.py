# An object whose last reference a dict gives up while another thread runs (the delayed drops of no-GIL
# mode, docs/NOGIL.md) has its __del__ run even when the thread that gave it up then blocks: each time
# the __del__ sets the Event another thread waits for, and the thread that dropped the object joins that
# waiter: the main thread dropping a module global; a thread dropping a dict value it made; a thread
# dropping an object the main thread made (which biased counting hands back to the blocked main thread).
# Before, the drop waited for the dropping (or owning) thread's next tick, which never came: the waiter's
# wait timed out, or a deadlock was reported.
import threading
import time


class SetsOnDel:
    def __init__(self, event):
        self.event = event

    def __del__(self):
        self.event.set()


def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def wait_for(event, seen):
    seen.append(event.wait(10))


# 1. the main thread drops a module global while a spinner runs, then joins the waiter
first = threading.Event()
obj = SetsOnDel(first)
seen = []
spinner = threading.Thread(target=spin, args=(0.3,))
spinner.start()
waiter = threading.Thread(target=wait_for, args=(first, seen))
waiter.start()
time.sleep(0.02)
del obj
waiter.join()
spinner.join()
print('main thread drop:', seen)

# 2. a thread drops a value it stored in a shared dict, then joins the waiter
second = threading.Event()
holder = {}
seen2 = []


def dropper():
    holder['obj'] = SetsOnDel(second)
    time.sleep(0.02)
    del holder['obj']
    waiter2.join()


spinner = threading.Thread(target=spin, args=(0.3,))
spinner.start()
waiter2 = threading.Thread(target=wait_for, args=(second, seen2))
waiter2.start()
drop = threading.Thread(target=dropper)
drop.start()
drop.join()
spinner.join()
print('thread drop:', seen2)

# 3. a thread drops an object the main thread made (biased counting queues it to its owner, the main
# thread, which is blocked in a join meanwhile), then joins the waiter
third = threading.Event()
holder['made_by_main'] = SetsOnDel(third)
seen3 = []


def drops_mains():
    time.sleep(0.02)
    del holder['made_by_main']
    waiter3.join()


waiter3 = threading.Thread(target=wait_for, args=(third, seen3))
waiter3.start()
drop = threading.Thread(target=drops_mains)
drop.start()
drop.join()
print('drop of an object another thread owns:', seen3)
