# No-GIL mode: four threads append to, extend, pop from, store into and read one bytearray at once (its
# storage is reallocated as it grows: every access reads the length and the storage in one locked step).
# The bytes appended and not popped are all there, each exactly as many times as it was put in.
import threading

b = bytearray(b'\x00' * 64)
popped = [[0] * 4 for _ in range(4)]  # per thread: how many bytes of each mark it popped


def work(w):
    mark = w + 1
    mine = popped[w]
    for i in range(1500):
        b.append(mark)
        if i % 3 == 0:
            b.extend(bytes([mark, mark]))
        if i % 4 == 0:
            b[i % 64] = 0
        x = b[i % 64] + b[-1] + len(b[::7]) + len(bytes(b[-8:])) + (mark in b)
        if i % 5 == 0:
            v = b.pop()  # (never one of the first 64: every thread appended before it pops)
            mine[v - 1] += 1


ts = [threading.Thread(target=work, args=(w,)) for w in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
counts = [b.count(m + 1) + sum(p[m] for p in popped) for m in range(4)]
print(counts, b[:64] == bytearray(64))
