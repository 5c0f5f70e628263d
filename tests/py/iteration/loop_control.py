# break, continue, for-else and while-else.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(10):
    if i % 3:
        continue
    print("multiple of 3:", i)
k = 0
while k < 5:
    k += 1
    if k == 2:
        continue
    if k == 4:
        break
    print("k", k)
else:
    print("while-else not reached")
j = 0
while j < 2:
    j += 1
else:
    print("while-else reached, j =", j)
for x in []:
    pass
else:
    print("for-else on empty")
found = None
for word in ["alpha", "beta", "gamma"]:
    if "e" in word:
        found = word
        break
print("found", found)
