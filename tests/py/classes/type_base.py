# cls.__base__: None for object, the first base for plain classes, the base whose layout the class
# extends when a built-in type is among the bases (cf. CPython best_base); with __bases__ and __mro__.


class A:
    pass


class M:
    pass


class B(A, int):
    pass


class E(M, ValueError):
    pass


class F(E):
    pass


class G(M, A):
    pass


class L(list):
    pass


class L2(A, L):
    pass


class Outer:
    class Inner:
        pass


print(object.__base__, int.__base__, bool.__base__, KeyError.__base__, type.__base__, dict.__base__)
for cls in (A, B, E, F, G, L, L2, Outer.Inner):
    print(cls.__name__, cls.__qualname__, cls.__base__.__name__, [b.__name__ for b in cls.__bases__],
          [c.__name__ for c in cls.__mro__])
print(B(7) + 1, isinstance(E("x"), ValueError), L2([1, 2]) + [3], issubclass(L2, list))
chain = []
c = F
while c is not None:
    chain.append(c.__name__)
    c = c.__base__
print(" -> ".join(chain))
