# deque: the two ends, indexing, maxlen, repr, and the errors CPython gives
from collections import deque

d = deque()
print(d, len(d), bool(d), d.maxlen)
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d))
print(d[0], d[-1], d[4], d[-5])
print(d.pop(), d.popleft(), d)
d.extend([10, 11])
d.extendleft('ab')
print(d)
d[0] = 'first'
d[-1] = 'last'
print(d, 'first' in d, 'b' in d, 99 in d)
print(list(d), list(reversed(d)), tuple(d))

# growth past the initial buffer, wrapping around the ring
r = deque()
for i in range(40):
    r.appendleft(i) if i % 3 == 0 else r.append(i)
    if i % 5 == 0:
        r.popleft()
print(r, len(r))
print([r[i] for i in range(0, len(r), 4)])

# maxlen: the other end falls off
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(5)
print(m)
m.appendleft(9)
print(m)
m.extend([7, 8, 9, 10])
print(m)
m.extendleft([1, 2])
print(m)
z = deque([1, 2], maxlen=0)
z.append(3)
print(z, len(z))
print(deque('abc', 5), deque(maxlen=2))

for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[1],
            lambda: deque([1])[-2], lambda: deque([1])['x'], lambda: deque(maxlen=-1),
            lambda: deque([1], maxlen='a'), lambda: deque([1]) + [2]]:
    try:
        bad()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    d.maxlen = 4
except AttributeError as e:
    print('AttributeError')
print(type(d).__name__, isinstance(d, deque))
