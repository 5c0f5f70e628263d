# No-GIL mode: two threads keep replacing the values of a shared dict (each old value is freed) and adding
# and deleting keys (resizing it), while two others read it through iteration (keys, values, items,
# reversed), copies (copy, dict(d), {**d}, update), conversions (list, sorted, set), comparisons,
# views' `in`, repr, get, [] and setdefault of present keys. Every value read is a live (key, text) pair:
# each read counts its item under the dict's lock. Iterations that see the size change raise RuntimeError
# as with the GIL (counted, not printed: how many depends on timing).
import threading

N = 64
d = {k: (k, 'v') for k in range(N)}
done = []
changed = [0]


def write(w):
    for i in range(2500):
        k = i % N
        d[k] = (k, f'{w}-{i}')
        extra = (w, i)
        d[extra] = (extra, 'x')
        if i % 7 == 0:
            d.update({k: (k, f'u{w}-{i}')})
        del d[extra]


def ok(k, v):
    return isinstance(v, tuple) and v[0] == k and isinstance(v[1], str)


def read(r):
    try:
        done.append(read_all())
    except BaseException as e:
        done.append(f'{type(e).__name__}: {e}')


def read_all():
    bad = 0
    for i in range(60):
        try:
            for k, v in d.items():
                bad += not ok(k, v)
            for v in d.values():
                bad += not ok(v[0], v)
            for k in reversed(d):
                bad += not isinstance(k, (int, tuple))
            bad += len([k for k in d if not isinstance(k, (int, tuple))])
        except RuntimeError:
            changed[0] += 1
        c = d.copy()
        bad += sum(not ok(k, v) for k, v in c.items()) + (not all(k in c for k in range(N)))
        c2 = dict(d)
        bad += sum(not ok(k, v) for k, v in c2.items())
        c4 = {**d, 'end': ('end', '')}
        bad += sum(not ok(k, v) for k, v in c4.items())
        c3 = {}
        c3.update(d)
        bad += sum(not ok(k, v) for k, v in c3.items())
        bad += not (set(range(N)) <= set(d))
        bad += not (set(range(N)) <= set(list(d)))
        bad += (d == {}) + (c == {})
        k = i % N
        bad += (not ok(k, d[k])) + (not ok(k, d.get(k))) + (not ok(k, d.setdefault(k, None)))
        bad += (k, (k, 'never')) in d.items()
        bad += not repr(d).startswith('{0: (0, ')
    return bad


# started writer, reader, writer, reader: each worker of two gets a writer and the other a reader first
ts = [threading.Thread(target=f, args=(k,)) for k in range(2) for f in (write, read)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(done, len(d), all(ok(k, v) for k, v in d.items()))
