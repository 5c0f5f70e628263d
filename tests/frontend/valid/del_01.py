# del statements
a = 1
b, c = 2, 3
del a
del b, c
items = list(range(10))
del items[0]
del items[1:3]
del items[::2]
del items[-1], items[0]
d = {"x": 1, "y": 2, "z": 3}
del d["x"]
del (d["y"])
del [d["z"]]
