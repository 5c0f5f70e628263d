class Bag:
    pass


bag = Bag()
bag.a = bag.b = bag.c = 0
del bag.a
del bag.b, bag.c
x, y, z = 1, 2, 3
del (x, y), z
p, q = 4, 5
del [p, q]
r = s = 6
del (r), (s,)
