# A module global deleted and bound again (`del X; X = i`) while another thread reads it through
# LOAD_GLOBAL's inline cache, with a builtin of the same name under it. The reader's lookup may run
# between the two writes (the global missing: the builtin found); the cache entry it makes must not pair
# that value with the namespace's version after the second write, or the reader would see the builtin
# (or, for a replaced value, a freed object) for ever. Each round waits until the reader saw the new
# value; a round the reader never finishes within a second fails the run. Prints only "ok".
import builtins
import threading
import time

builtins.X = -1
X = 0
seen = [0]
stop = [False]
failed = []


def reader():
    s = seen
    while not stop[0]:
        s[0] = X


def writer():
    global X
    s = seen
    end = time.monotonic() + 2.0
    i = 0
    while time.monotonic() < end:
        i += 1
        del X
        X = i
        spins = 0
        while s[0] != i:
            spins += 1
            if spins % 1000 == 0 and time.monotonic() > end + 1.0:
                failed.append((i, s[0]))
                stop[0] = True
                return
    stop[0] = True


a = threading.Thread(target=reader)
b = threading.Thread(target=writer)
a.start()
b.start()
a.join()
b.join()
del builtins.X
print("ok" if not failed else f"stale: the reader saw {failed[0][1]} after X = {failed[0][0]}")
