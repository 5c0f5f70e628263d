# No-GIL mode: two threads add 40 members to a shared set and take them out again in one step
# (difference_update with a set and with a list, and -=), which leaves more than a quarter of the table
# deleted slots, so each removal rebuilds the table and frees the old one; two others copy the set
# meanwhile (set(s), s.copy(), list(s), frozenset(s): each reads the table under the set's lock). The 64
# members nobody removes are always seen.
import threading

core = frozenset(f'm{k}' for k in range(64))
s = set(core)
done = []


def write(w):
    for i in range(1200):
        batch = {f'x{w}-{i}-{j}' for j in range(40)}
        s.update(batch)
        if i % 3 == 0:
            s.difference_update(batch)
        elif i % 3 == 1:
            s.difference_update(list(batch))
        else:
            global_s_isub(batch)


def global_s_isub(batch):
    global s
    s -= batch


def read(r):
    bad = 0
    for i in range(800):
        bad += not core <= set(s)
        bad += not core <= s.copy()
        bad += not core <= frozenset(s)
        bad += sum(1 for x in list(s) if not isinstance(x, str))
    done.append(bad)


# started writer, reader, writer, reader: each worker of two gets a writer and a reader
ts = [threading.Thread(target=f, args=(k,)) for k in range(2) for f in (write, read)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(done, len(s), s == core)
