# range in for loops: counting, stepping, nested loops, reverse.
for i in range(3):
    print("i", i)
for i in range(10, 0, -4):
    print("down", i)
for i in range(2, 5):
    for j in range(i):
        print(i, j, end=";")
    print()
total = 0
for k in range(1, 1001):
    if k % 3 == 0 or k % 5 == 0:
        total += k
print(total)
for i in range(len("abc")):
    print(i, "abc"[i])
r = range(3)
it = iter(r)
print(next(it), next(it), next(it), next(it, "done"))
for i in range(5):
    if i == 3:
        break
    print("before break", i)
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("else runs, i =", i)
