# deque: rotate, insert, remove, del, index, count, reverse, copy, operators, iteration
from collections import deque

d = deque(range(7))
d.rotate()
print(d)
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d.rotate(14)
print(d)
d.rotate(-100)
print(d)
deque().rotate(3)

d = deque('abcde')
d.insert(2, 'X')
d.insert(-1, 'Y')
d.insert(100, 'Z')
d.insert(-100, 'W')
print(d)
d.remove('X')
del d[0]
del d[-1]
print(d, d.index('c'), d.index('Y'), d.count('c'))
d.append('c')
print(d.count('c'), d.index('c', 3), d.index('c', -2))
d.reverse()
print(d)
for bad in [lambda: d.index('nope'), lambda: d.remove('nope'), lambda: deque([1], 1).insert(0, 2)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

c = d.copy()
c.append('new')
print(d, c, c is d)
print(deque([1, 2], maxlen=5).copy())

a = deque([1, 2, 3])
b = a + deque([4])
print(b, a * 2, 2 * a, a * 0)
a += [9, 8]
print(a)
a *= 2
print(a)
print(deque([1, 2], 3) * 3)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1, 2]) != deque([1]))
print(deque([1, 2]) < deque([1, 3]), deque([2]) >= deque([1, 9]), deque() <= deque())

# iterating while changing the deque
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
s = 0
for x in deque(range(100)):
    s += x
print(s)

# a deque inside itself
r = deque([1])
r.append(r)
print(r)
d.clear()
print(d, len(d))
try:
    hash(deque())
except TypeError as e:
    print(e)

# an iterator notices a change made after it started
d = deque(range(3))
it = iter(d)
print(next(it))
d.append(5)
try:
    next(it)
except RuntimeError as e:
    print(e)


class Sub(deque):
    pass


print(Sub([1]), Sub([1], 2), Sub([1]).copy(), type(Sub([1], 3).copy()).__name__, Sub('ab') == deque('ab'))
