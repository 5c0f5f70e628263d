def counter():
    n = 0
    def inc(): nonlocal n; n += 1; return n
    def get(): return n
    return inc, get
g = 0
def setg(v): global g; g = v
x = 1;
y = [1, 2]; y[0] = 3; y[1:] = []
lam = lambda: 0; lam()
