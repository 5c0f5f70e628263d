# Functions are objects: stored, passed, returned, compared.
def double(x):
    return 2 * x


def negate(x):
    return -x


def apply(f, value):
    return f(value)


def compose_apply(fs, value):
    for f in fs:
        value = f(value)
    return value


ops = {"double": double, "negate": negate, "abs": abs}
for name in ops:
    print(name, ops[name](-7))
print(apply(double, 21), apply(len, "four"), apply(str.upper, "up"))
print(compose_apply([double, negate, double], 5))
print(list(map(double, [1, 2, 3])), sorted([3, -1, 2], key=negate))
alias = double
print(alias is double, alias(4), alias == double, double != negate)


def pick(flag):
    if flag:
        return double
    return negate


print(pick(True)(10), pick(False)(10), pick(True) is double)
table = [double, negate]
print(table[0](table[1](3)))
