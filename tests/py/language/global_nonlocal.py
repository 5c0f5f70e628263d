# global and nonlocal: rebinding outer names, errors for misuse at run time
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
add = make()
print(add(1), add(2), add(3))
def outer():
    x = 1
    def middle():
        nonlocal x
        x += 1
        def inner():
            nonlocal x
            x *= 10
        inner()
    middle()
    return x
print(outer())
def reads_global_before_local():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
reads_global_before_local()
def define_global():
    global created_later
    created_later = "made inside a function"
define_global()
print(created_later)
x = "module"
class K:
    x = "class"
    def m(self):
        return x
print(K().m(), K.x)
