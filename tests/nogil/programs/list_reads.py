# No-GIL mode: two threads keep replacing the first 64 items of a shared list (each old item is freed),
# appending and popping others, while two others read it through copies (copy, [:], [::2], list(l), +, *),
# `in`, index, count, comparison, repr and subscripts. Every item read is a live (index, text) pair: each
# is counted under the list's lock before it is looked at. Then threads sort one list of ints together
# while others append to it (the sort holds the list's lock: nothing is lost), and sort a list with a key
# function while others read it (it looks empty meanwhile, then is back whole).
import threading

N = 64
l = [(k, 'v') for k in range(N)] + [(N, 'sentinel')]  # (never popped: each pop follows its own append)
four = [(k, 'v') for k in range(4)]
done = []


def write(w):
    for i in range(700):
        k = i % N
        l[k] = (k, f'{w}-{i}')
        four[i % 4] = (i % 4, f'{w}-{i}')
        l.append((N + w, 'extra'))
        if i % 5 == 0:
            l[k:k + 1] = [(k, f's{w}-{i}')]
        l.pop()


def ok(x, k=None):
    return isinstance(x, tuple) and (x[0] == k if k is not None else x[0] >= 0) and isinstance(x[1], str)


def read(r):
    try:
        done.append(read_all())
    except BaseException as e:
        done.append(f'{type(e).__name__}: {e}')


def read_all():
    bad = 0
    for i in range(15):
        k = i % N
        bad += sum(not ok(x) for x in l.copy()) + sum(not ok(x) for x in l[:])
        bad += sum(not ok(x) for x in l[::2]) + sum(not ok(x) for x in list(l))
        bad += sum(not ok(x) for x in l + []) + sum(not ok(x) for x in l * 2)
        bad += (k, 'never') in l
        bad += l.count((k, 'never')) + (l == []) + (l < [])
        bad += l.index((N, 'sentinel')) != N
        bad += (not ok(l[k], k)) + (not ok(l[-1]))
        bad += not repr(l).startswith('[(0, ')
        a, b, c, e = four
        bad += (not ok(a, 0)) + (not ok(b, 1)) + (not ok(c, 2)) + (not ok(e, 3))
        bad += sum(not ok(x) for x in [*l]) + sum(not ok(x) for x in {*four})
        bad += sum(not ok(x) for x in tuple(l)) + (not ' '.join(x[1] for x in four))
        try:
            l.index((k, 'never'))
            bad += 1
        except ValueError:
            pass
    return bad


ts = [threading.Thread(target=f, args=(k,)) for k in range(2) for f in (write, read)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(done, len(l) - 1, all(ok(x, k) for k, x in enumerate(l)))

nums = list(range(2000, 0, -1))
errors = []


def sort_nums(w):
    for i in range(20):
        nums.sort(reverse=(i % 2 == 1))


def add_nums(w):
    for i in range(1000):
        nums.append(10000 + w * 10000 + i)


ts = [threading.Thread(target=f, args=(k,)) for k in range(2) for f in (sort_nums, add_nums)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(nums), sorted(nums) == sorted(list(range(1, 2001)) + [10000 + w * 10000 + i for w in range(2) for i in range(1000)]))

words = [f'w{k:04}' for k in range(1000, 0, -1)]
seen = []


def sort_words(w):
    for i in range(10):
        words.sort(key=lambda x: x[::-1] if i % 2 else x)


def read_words(w):
    n = 0
    for i in range(60):
        n += sum(1 for x in words if not x.startswith('w')) + words.count('nope') + ('nope' in words)
        n += len(words) not in (0, 1000)
    seen.append(n)


ts = [threading.Thread(target=f, args=(k,)) for k in range(2) for f in (sort_words, read_words)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(seen, sorted(words) == sorted(f'w{k:04}' for k in range(1, 1001)))
