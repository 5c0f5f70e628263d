# sys.getrefcount across for-loops, comprehensions, return values, exceptions and generators.
import sys
rc = sys.getrefcount

items = [[i] for i in range(3)]
first = items[0]
print("start", rc(first))
for it in items:
    pass
print("after for loop (it is the last)", rc(first), rc(items[2]))
for it in items:
    if it is first:
        print("inside loop", rc(first))
del it
print("loop variable deleted", rc(items[2]))
comp = [rc(y) for y in [first]]
print("comprehension variable", comp, rc(first))
squares = [first for _ in range(4)]
print("comprehension result", rc(first))
del squares
gen_comp = list(z for z in [first])
print("generator expression", rc(first))
del gen_comp


def ret(o):
    return o


print("return value", rc(ret(first)))
r = ret(first)
print("kept return value", rc(first))
del r


class MyErr(Exception):
    pass


payload = ["payload"]
try:
    raise MyErr(payload)
except MyErr as e:
    print("exception argument", rc(payload))
    print("exception object", rc(e))
print("after except", rc(payload))
try:
    try:
        raise ValueError(payload)
    finally:
        print("in finally", rc(payload))
except ValueError:
    pass
print("after finally", rc(payload))


def gen(o):
    yield rc(o)
    yield rc(o)


g = gen(first)
print("generator frame holds argument", rc(first))
print("inside generator", next(g))
print("suspended", rc(first))
del g
print("generator dropped", rc(first))
w = 0
while w < 3:
    hold = first
    w += 1
print("while loop", rc(first))
del hold
print("end", rc(first))
