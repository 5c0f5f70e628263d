f1 = lambda x=lambda: 0: x()
f2 = lambda x, *y, z=lambda w=1: w, **kw: (x, y, z, kw)
f3 = lambda: lambda: lambda: 3
f4 = (lambda a: a)(lambda b: b)
f5 = lambda a: (a, lambda: a)
f6 = lambda *a, b: a or b if a else (lambda: b)()
f7 = lambda x: (y := x + 1, y * 2)
f8 = lambda: [i for i in range(3)]
