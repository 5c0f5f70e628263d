# closures capture variables, not values: the classic loop pitfall and its fixes
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc.__closure__[0].cell_contents)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
gs = []
for k in range(3):
    def factory(k):
        return lambda: k * k
    gs.append(factory(k))
print([g() for g in gs])
total = 0
def accumulate(v):
    global total
    total += v
for v in range(5):
    accumulate(v)
print(total)
