# No-GIL mode: dict.setdefault and dict.pop are single steps under the dict's lock, as in CPython. Four
# threads setdefault a list for each of 2000 shared keys and append to it: every key ends with exactly
# one list holding all four appends. Then four threads pop every key of a shared dict of 8000 keys:
# each value is popped exactly once in all. And four threads update one dict from their own dicts and
# delete keys with `del`, get and `in`, leaving exact contents.
import threading

K = 1000
d = {}


def gather(w):
    for k in range(K):
        d.setdefault(k, []).append(w)


ts = [threading.Thread(target=gather, args=(w,)) for w in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(d), all(sorted(v) == [0, 1, 2, 3] for v in d.values()))

p = {k: (k, str(k)) for k in range(5000)}
popped = [[] for _ in range(4)]


def pop_all(w):
    got = popped[w]
    for k in range(5000):
        v = p.pop(k, None)
        if v is not None:
            got.append(v[0])


ts = [threading.Thread(target=pop_all, args=(w,)) for w in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
allp = sorted(x for g in popped for x in g)
print(len(p), len(allp), allp == list(range(5000)))

u = {}


def update(w):
    mine = {(w, i): i for i in range(300)}
    for r in range(10):
        u.update(mine)
        for i in range(0, 300, 3):
            if u.get((w, i)) == i and (w, i) in u:
                del u[(w, i)]
        u.update({(w, i): i for i in range(0, 300, 3)})
    for i in range(1, 300, 3):
        u.pop((w, i))


ts = [threading.Thread(target=update, args=(w,)) for w in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(u), sum(u.values()) == 4 * sum(i for i in range(300) if i % 3 != 1))
