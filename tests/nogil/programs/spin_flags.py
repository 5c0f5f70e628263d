# Threads that spin (no lock, no Event) until another thread sets a flag: more spinners than workers,
# spinning on a global, a list item, a dict entry and an attribute; the main thread spins too. (A thread
# spinning inside Python called back from native code, an __init__ or a key function, keeps its worker
# until that call returns: a documented difference, README "Where gilpy differs".) Prints only what is exact whatever the timing.
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


def setter():
    global done
    total = 0
    for i in range(20000):
        total += i
    flags[0] = True
    box['go'] = True
    flag.up = True
    done = True


spinners = [on_global, on_global, on_list, on_dict, on_attribute]
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
