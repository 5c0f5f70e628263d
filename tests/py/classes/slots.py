# __slots__: instances without a __dict__, slot descriptors, inheritance, conflicts
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(P, 'x'), 'x' in P.__dict__)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q(2); q.z = 5; print(q.z, q.x, hasattr(q, '__dict__'))
class R(P):
    __slots__ = ('z',)
r = R(3); r.z = 4; print(r.x, r.z, hasattr(r, '__dict__'))
class S:
    __slots__ = 'a'
s = S(); s.a = 1; print(s.a, S.__slots__)
class T:
    __slots__ = ('a', '__dict__')
t = T(); t.b = 2; print(t.__dict__)
try:
    class U:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print("ValueError:", e)
print(p.__slots__)
try:
    class V:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)
class W:
    __slots__ = ["u", "v"]
    def __init__(self):
        self.u = 1
w = W()
try:
    vars(w)
except TypeError as e:
    print("TypeError:", e)
print(getattr(w, "v", "unset"), w.u)
