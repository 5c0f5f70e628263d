# A function compiled within the first thousand instructions of the run, before the main thread's primed
# tick (vm.ts, PRIME_TICK_AFTER): compiled code runs only after it, so instruction counts stay the loop's
# (tests/unit/jit.test.ts compares them).
def f(x):
    a = x + 1
    b = a + 2
    c = b + 3
    d = c - 5
    e = d + 1
    g = e - 1
    h = g + 1
    return h - 1

t = 0
for i in range(3000):
    t = f(t)
print(t)
