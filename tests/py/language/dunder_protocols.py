# container and numeric dunders of a user class
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return f"Vec{tuple(self.xs)}"
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __delitem__(self, i):
        del self.xs[i]
    def __contains__(self, v):
        return v in self.xs
    def __iter__(self):
        return iter(self.xs)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self, o)])
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __mul__(self, k):
        return Vec(*[a * k for a in self])
    __rmul__ = __mul__
    def __neg__(self):
        return self * -1
    def __eq__(self, o):
        return isinstance(o, Vec) and self.xs == o.xs
    def __hash__(self):
        return hash(tuple(self.xs))
    def __bool__(self):
        return any(self.xs)
    def __call__(self, i):
        return self.xs[i] * 100
v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(v + w, 2 * v, v * 2, -v, sum([v, w]))
print(len(v), v[1], v[-1], v[0:2], 2 in v, 9 in v, list(v), v(0))
v[0] = 10
del v[1]
print(v, bool(v), bool(Vec(0, 0)), v == Vec(10, 3), v != w, {v, Vec(10, 3)})
print(sorted([Vec(3), Vec(1), Vec(2)], key=lambda x: x[0]))
class Temp:
    def __init__(self, c):
        self.c = c
    def __lt__(self, o):
        return self.c < o.c
    def __le__(self, o):
        return self.c <= o.c
    def __repr__(self):
        return f"{self.c}C"
print(sorted([Temp(30), Temp(10), Temp(20)]), max(Temp(1), Temp(5)), Temp(1) > Temp(0))
try:
    Temp(1) + Temp(2)
except TypeError as e:
    print("TypeError:", e)
