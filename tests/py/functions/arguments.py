# Positional and keyword arguments, simple defaults.
def describe(name, age, city="unknown", active=True):
    return f"{name}/{age}/{city}/{active}"


print(describe("ana", 30))
print(describe("bo", 25, "Rio"))
print(describe("cy", 40, active=False))
print(describe(age=22, name="di"))
print(describe("ed", city="SP", age=50))
print(describe("fe", 1, "BH", False))


def power(base, exp=2):
    return base ** exp


print(power(3), power(3, 3), power(exp=0, base=9), power(2, exp=10))


def defaults_once(x, acc=[]):
    acc.append(x)
    return acc


print(defaults_once(1), defaults_once(2), defaults_once(3, []), defaults_once(4))


def none_default(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc


print(none_default(1), none_default(2))
