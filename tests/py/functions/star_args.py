# *args, **kwargs, keyword-only and positional-only parameters.
def total(*nums):
    print(type(nums).__name__, nums)
    return sum(nums)


print(total(), total(1), total(1, 2, 3))
print(total(*[4, 5]), total(*range(3), 10))


def opts(**kw):
    return kw


print(opts(), opts(a=1, b=2), opts(**{"x": 9}))


def mixed(a, b=2, *rest, flag=False, **extra):
    return [a, b, rest, flag, extra]


print(mixed(1))
print(mixed(1, 3, 5, 7, flag=True, z=0))
print(mixed(*(1, 2, 3), **{"flag": 1, "q": 2}))


def kwonly(a, *, scale=10):
    return a * scale


print(kwonly(2), kwonly(2, scale=3))


def posonly(a, b, /, c):
    return a - b + c


print(posonly(10, 3, 1), posonly(10, 3, c=5))
