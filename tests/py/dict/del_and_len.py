# Deleting keys, len, and reinsertion patterns.
d = {}
for i in range(10):
    d[i] = i * i
print(d, len(d))
for i in range(0, 10, 2):
    del d[i]
print(d, len(d))
for i in range(0, 10, 3):
    d[i] = "again"
print(d)
keys = list(d)
for k in keys:
    if isinstance(d[k], int) and d[k] > 20:
        del d[k]
print(d)
while d:
    print(d.popitem())
print(d, len(d))
big = {}
for i in range(1000):
    big[i] = str(i)
for i in range(0, 1000, 7):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:], big[999])
