# Accumulated rounding error is reproducible and visible in repr.
total = 0.0
i = 0
while i < 10:
    total += 0.1
    print(i, total)
    i += 1
print(total == 1.0)
s = 0.0
i = 0
while i < 1000:
    s += 0.001
    i += 1
print(s)
p = 1.0
i = 0
while i < 20:
    p *= 1.1
    i += 1
print(p)
h = 0.0
n = 1
while n <= 100:
    h += 1 / n
    n += 1
print(h)
x = 2.0
i = 0
while i < 6:
    x = (x + 2 / x) / 2
    print(x)
    i += 1
print(x * x)
