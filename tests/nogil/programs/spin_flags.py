# Threads that spin (no lock, no Event) until another thread sets a flag: more spinners than workers,
# spinning on a global, a list item, a dict entry, an attribute, and inside Python called back from
# native code (an __init__, a property, a key function, map()), which a worker's scheduler cannot
# rewind to switch threads (before the fix those never let the setter run on their worker: a hang).
# The main thread spins too. Prints only what is exact whatever the timing.
import threading

done = False
flags = [False]
box = {'go': False}


class Flag:
    up = False


flag = Flag()
seen = []


def on_global(name):
    while not done:
        pass
    seen.append(name)


def on_list(name):
    while not flags[0]:
        pass
    seen.append(name)


def on_dict(name):
    while not box['go']:
        pass
    seen.append(name)


def on_attribute(name):
    while not flag.up:
        pass
    seen.append(name)


def wait_for_flag():
    while not done:
        pass
    return 1


class Waits:
    def __init__(self):
        wait_for_flag()

    @property
    def value(self):
        return wait_for_flag()


def in_init(name):
    Waits()
    seen.append(name)


def in_property(name):
    Waits.__new__(Waits).value
    seen.append(name)


def in_key(name):
    sorted([2, 1], key=lambda x: wait_for_flag())
    seen.append(name)


def in_map(name):
    list(map(lambda x: wait_for_flag(), [0]))
    seen.append(name)


def setter():
    global done
    total = 0
    for i in range(20000):
        total += i
    flags[0] = True
    box['go'] = True
    flag.up = True
    done = True


spinners = [on_global, on_global, on_list, on_dict, on_attribute, in_init, in_property, in_key, in_map]
threads = [threading.Thread(target=f, args=(f.__name__ + str(i),)) for i, f in enumerate(spinners)]
threads.append(threading.Thread(target=setter))
for t in threads:
    t.start()
while not done:
    pass
for t in threads:
    t.join()
print(sorted(seen))
print(len(seen), done, flags[0], box['go'], flag.up)
