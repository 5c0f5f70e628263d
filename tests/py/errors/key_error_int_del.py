# KeyError from del of a missing int key.
d = {1: "one", 2: "two"}
del d[1]
print(d)
d[3] = 'three'
for k in [2, 3]:
    print(k, d[k])
print(d.pop(3), d)
print("deleting 1 again")
del d[1]
