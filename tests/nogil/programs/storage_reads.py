# No-GIL mode: one thread keeps resizing a shared class dict, list and bytearray (each resize frees the
# old table, item array or byte storage), while three others read them through paths that read the
# storage without the container's lock before the storage was freed delayed (dir() of a class walked its
# dict's table in place; bytes(list), bytes(bytearray), str(bytearray, encoding) copied unlocked). The
# first 16 items of each are never changed: every read must see them, and never a byte of a freed block
# (0xDB, heap-checking mode's poison).
import threading

PREFIX = bytes(range(16))


class Box:
    pass


for i in range(16):
    setattr(Box, f'a{i}', i)
L = list(range(16))
ba = bytearray(b'0123456789abcdef')
FIXED_NAMES = [f'a{i}' for i in range(16)]
done = []
stop = []


def write():
    for i in range(300):
        for j in range(40):
            setattr(Box, f'x{j}', j)
        for j in range(40):
            delattr(Box, f'x{j}')
        L.extend(range(16, 200))
        del L[16:]
        ba.extend(b'x' * 300)
        del ba[16:]
    stop.append(1)


def read():
    bad = [0, 0, 0, 0]  # dir(Box), bytes(L), bytes(ba), str(ba, ...)
    rounds = 0
    try:
        while not stop or rounds < 20:
            rounds += 1
            names = dir(Box)
            bad[0] += not all(n in names for n in FIXED_NAMES)
            b = bytes(L)
            bad[1] += b[:16] != PREFIX or any(c >= 200 for c in b)
            c = bytes(ba)
            bad[2] += not c.startswith(b'0123456789abcdef') or 0xdb in c
            s = str(ba, 'latin-1')
            bad[3] += not s.startswith('0123456789abcdef') or '\xdb' in s
        done.append(bad)
    except BaseException as e:
        done.append(f'{type(e).__name__}: {e}')


threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done, key=str), len(L), bytes(ba), sorted(n for n in vars(Box) if n[0] in 'ax'))
