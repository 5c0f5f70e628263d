class Obj:
    pass


o = Obj()
items = [0] * 3
for o.attr in range(3):
    print(o.attr)
for items[0] in "xyz":
    pass
for items[1:], o.x in [([1], 2)]:
    pass
for x, in [(1,), (2,)]:
    pass
for i in 1, 2, 3:
    pass
for j in *items, 4:
    pass
