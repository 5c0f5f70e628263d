# generators as coroutines: priming, averaging, pipelines of send, close with cleanup
def averager():
    total = 0.0
    count = 0
    average = None
    try:
        while True:
            value = yield average
            total += value
            count += 1
            average = total / count
    finally:
        print("averager closed after", count, "values")

avg = averager()
next(avg)
for v in [10, 20, 60]:
    print(avg.send(v))
avg.close()

def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)

def printer(prefix):
    while True:
        line = yield
        print(prefix, line)

p = printer(">>")
next(p)
g = grep("py", p)
next(g)
for line in ["python", "java", "pypy", "go"]:
    g.send(line)

def take_while_positive():
    result = []
    while True:
        x = yield
        if x is None or x <= 0:
            return result
        result.append(x)
def collect():
    got = yield from take_while_positive()
    print("collected", got)
    yield "done"
c = collect()
next(c)
c.send(3); c.send(4)
print(c.send(-1))

def running_max():
    best = None
    x = yield
    while True:
        if best is None or x > best:
            best = x
        x = yield best
rm = running_max()
next(rm)
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
