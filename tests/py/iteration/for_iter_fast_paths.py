# FOR_ITER over exact ranges, lists and tuples (the loop steps these itself): mutation during the loop,
# steps, big values, nesting, break/continue/else, exhausted iterators. Inside functions, as in programs.
def mutate():
    a = [1, 2, 3]
    out = []
    for x in a:
        out.append(x)
        if len(a) < 6:
            a.append(x * 10)   # appends are seen
    print("append", out, a)
    b = [1, 2, 3, 4, 5, 6]
    out = []
    for x in b:
        out.append(x)
        b.pop()                # the list shrinking ends the loop
    print("pop", out, b)
    c = [1, 2, 3, 4]
    out = []
    for x in c:
        out.append(x)
        if x == 2:
            c.clear()
    print("clear", out, c)
    d = [1, 2, 3, 4, 5]
    out = []
    for x in d:
        out.append(x)
        if x == 1:
            d[1:] = ["a", "b", "c", "d", "e", "f"]   # a larger items block
        elif x == "c":
            d[:] = d[:2]
    print("slice", out, d)
    e = [0, 1, 2]
    out = []
    for x in e:
        out.append(x)
        if x == 0:
            e.insert(0, -1)    # the item at index 1 is seen again
        if len(out) > 5:
            break
    print("insert", out, e)

def ranges():
    print([i for i in range(10, 0, -3)], list(range(-5, 5, 4)), list(range(5, -5, -4)))
    print(list(range(0, 10 ** 6, 300000)), list(range(3, 4, 10 ** 15)), list(range(7, 7)), list(range(5, 1)))
    out = []
    for i in range(2 ** 53 - 2, 2 ** 53 + 3):
        out.append(i)
    print("2**53", out, [x - 2 ** 53 for x in out])
    out = []
    for i in range(2 ** 52 - 2, 2 ** 52 + 2):
        out.append(i - 2 ** 52)
    print("2**52", out)
    out = []
    for i in range(-(2 ** 60), -(2 ** 60) + 3):
        out.append(i)
    print("-2**60", out)
    out = []
    for i in range(0, 2 ** 70, 2 ** 68):
        out.append(i)
    print("big step", out)
    out = []
    for i in range(10 ** 20, 10 ** 20 - 7, -3):
        out.append(i)
    print("big down", out)
    out = []
    for i in range(0, 2 ** 62, 2 ** 60):
        out.append(i)
    print("2**60 steps", out)
    print(sum(i for i in range(100000)), sum(range(-100, 100, 7)))
    small = [i for i in range(-10, 300, 37)]
    print(small, [s is t for s, t in zip(small, range(-10, 300, 37))])
    for i in range(0):
        print("never")
    else:
        print("empty range else")

def control():
    out = []
    for i in range(10):
        if i % 2:
            continue
        if i > 6:
            break
        out.append(i)
    else:
        out.append("else")
    print(out)
    for x in [1, 2]:
        pass
    else:
        print("list else", x)
    for x in ():
        print("never")
    else:
        print("empty tuple else")
    for x in (1, 2, 3):
        if x == 2:
            break
    else:
        print("never")
    print("broke at", x)

def nested():
    L = [1, 2, 3]
    pairs = []
    for a in L:
        for b in L:
            if a == b:
                continue
            pairs.append((a, b))
    print(pairs)
    T = ("x", "y")
    print([(t, u, i) for t in T for u in T for i in range(2)])
    grid = [[1, 2], [3], []]
    print([v for row in grid for v in row])

def exhausted():
    it = iter([1, 2])
    for x in it:
        pass
    print(next(it, "done"), list(it))
    for x in it:
        print("never")
    it = iter(range(3))
    for x in it:
        if x == 1:
            break
    print(next(it), next(it, "done"), next(it, "done"))
    it = iter((1, 2, 3))
    for x in it:
        break
    print(list(it), list(it))
    it = iter(range(2 ** 64, 2 ** 64 + 2))
    for x in it:
        pass
    print(next(it, "done"), type(it).__name__.endswith("range_iterator"))  # (gilpy has one type for both)
    try:
        next(iter([]))
    except StopIteration as e:
        print("StopIteration", e.args)

mutate()
ranges()
control()
nested()
exhausted()
