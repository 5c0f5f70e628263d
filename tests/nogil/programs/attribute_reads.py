# No-GIL mode: two threads read an attribute of a shared object while two others keep replacing it (the
# old value is freed each time). Every read sees a live value: the read takes the instance dict's lock.
# (A stress test: the window between reading a value and counting it is narrow.)
import threading


class Box:
    pass


box = Box()
box.value = ('start', 0)
good = [0, 0]


def replace(k):
    for i in range(20000):
        box.value = (f'{k}-{i}', i)


def read(k):
    n = 0
    for i in range(20000):
        v = box.value
        if isinstance(v[0], str) and v[1] >= 0:
            n += 1
    good[k] = n


ts = [threading.Thread(target=replace, args=(k,)) for k in range(2)] + [threading.Thread(target=read, args=(k,)) for k in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(good == [20000, 20000], box.value[1] == 19999)
