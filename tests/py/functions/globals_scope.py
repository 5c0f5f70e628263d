# global statement, local shadowing, reading globals from functions.
counter = 0
name = "global"


def incr():
    global counter
    counter += 1
    return counter


def shadow():
    name = "local"
    return name


def read():
    return name + "!"


print(incr(), incr(), incr(), counter)
print(shadow(), name, read())


def set_new():
    global created
    created = "made inside"


set_new()
print(created)


def uses_param(counter):
    counter += 100
    return counter


print(uses_param(1), counter)
x = 5


def loop_local():
    total = 0
    for x in range(3):
        total += x
    return total, x


print(loop_local(), x)
