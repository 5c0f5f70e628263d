# Defining functions, returning values, implicit None, multiple returns.
def add(a, b):
    return a + b


def greet(name):
    print("hello", name)


def sign(n):
    if n > 0:
        return 1
    elif n < 0:
        return -1
    return 0


def divide(a, b):
    return a // b, a % b


print(add(2, 3), add("x", "y"), add([1], [2]))
r = greet("ana")
print(r)
print(sign(5), sign(-5), sign(0))
q, m = divide(17, 5)
print(q, m, divide(9, 3))


def early(items):
    for i in items:
        if i < 0:
            return i
    print("no negatives")


print(early([1, -2, -3]), early([1, 2]))
print(add.__name__, sign.__name__)
