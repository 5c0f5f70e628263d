# Equal constants in one code object are one object; results computed at run time are new.
a = 1000
b = 1000
print(a is b, a == b)
print(int("1000") is int("1000"), int("1000") == int("1000"))
c = 500
d = c + c
print(d == a, d is a)
f1 = 2.5
f2 = 2.5
print(f1 is f2)
s1 = "hello world"
s2 = "hello world"
print(s1 is s2)
t1 = (1, 2, 3)
t2 = (1, 2, 3)
print(t1 == t2)
big1 = 10 ** 20
big2 = 10 ** 20
print(big1 == big2)


def f():
    return 1000


print(f() == a)
x = 123456
y = x
x += 0
print(x == y)
