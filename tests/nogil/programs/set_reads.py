# No-GIL mode: two threads keep adding and discarding members of a shared set (resizing it; each member
# removed is freed) while two others read it through iteration, copies (set, frozenset, copy), the
# algebra (| & - ^, union, intersection, difference, symmetric_difference, issubset, isdisjoint, ==),
# updates of their own sets from it, repr and `in`. The 64 members nobody removes are always seen: each
# read takes the set's lock (both sets' where two are involved) and counts what it reads.
import threading

N = 64
core = frozenset(f'm{k}' for k in range(N))
s = set(core)
done = []


def write(w):
    for i in range(2500):
        extra = f'x{w}-{i}'
        s.add(extra)
        if i % 5 == 0:
            s.update({f'y{w}-{i}', f'z{w}-{i}'})
            s.difference_update({f'y{w}-{i}', f'z{w}-{i}'})
        s.discard(extra)


def read(r):
    try:
        done.append(read_all())
    except BaseException as e:
        done.append(f'{type(e).__name__}: {e}')


def read_all():
    bad = 0
    mine = set()
    for i in range(60):
        try:
            n = 0
            for x in s:
                bad += not isinstance(x, str)
                n += x in core
        except RuntimeError:
            pass
        bad += (not core <= set(s)) + (not core <= frozenset(s)) + (not core <= s.copy())
        bad += (not core <= (s | {'a'})) + ((s & core) != core) + (not core <= s.union(core))
        bad += (s.intersection(core) != core) + len(core - s) + len(core.difference(s))
        bad += not core.issubset(s)
        bad += bool((s ^ core) & core) + bool(s.symmetric_difference(core) & core)
        bad += s.isdisjoint(core) + (s != s.copy() and False)
        mine.clear()
        mine |= s
        mine.update(s)
        bad += not core <= mine
        mine &= core
        bad += mine != core
        mine -= s
        bad += len(mine)
        bad += not repr(s).startswith('{')
        bad += sum(1 for x in list(s) if not isinstance(x, str))
        bad += not all(x in s for x in ('m0', 'm1', f'm{i % N}'))
    return bad


# started writer, reader, writer, reader: each worker of two gets a writer and the other a reader first
ts = [threading.Thread(target=f, args=(k,)) for k in range(2) for f in (write, read)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(done, len(s), s == core)
