# Counter: multiset arithmetic, in-place forms, and comparisons with missing counts as zero
from collections import Counter

a = Counter(a=3, b=1, c=0, d=-2)
b = Counter(a=1, b=2, e=4, d=-1)
print(a + b)
print(a - b)
print(b - a)
print(a | b)
print(a & b)
print(+a, -a)

x = Counter('abbb')
x += Counter('bcc')
print(x)
x -= Counter('bbbbbz')
print(x)
x |= Counter(a=5, q=1)
print(x)
x &= Counter(a=2, c=9)
print(x)

print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=1, b=1), Counter(a=1) < Counter(a=1), Counter(a=2) > Counter(a=1))
print(Counter(a=2) >= Counter(a=2, b=-1), Counter() == Counter(z=0))
print(Counter(a=1) == {'a': 1}, Counter(a=1) != 'text')

for bad in [lambda: Counter() + 1, lambda: Counter() - [1], lambda: Counter() | {}, lambda: Counter() & 'a']:
    try:
        bad()
    except TypeError as e:
        print(e)
try:
    Counter() < {}
except TypeError as e:
    print(e)
try:
    hash(Counter())
except TypeError as e:
    print(e)

inventory = Counter(apples=5, pears=2)
sold = Counter(apples=3, pears=2, kiwis=1)
left = inventory - sold
print(left, left.total(), sorted(left.elements()))
print(sum([Counter('ab'), Counter('bc'), Counter('cd')], Counter()))
