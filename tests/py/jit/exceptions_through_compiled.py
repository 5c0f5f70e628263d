# oracle: stderr
# Hot functions (run compiled after 100 calls) raise, catch and pass on exceptions as the loop does: the
# exception comes from the instruction that failed, its traceback names every frame with its line, and a
# handler in a compiled caller catches it.
def divide(a, b):
    return a // b


def middle(a, b):
    x = divide(a, b)
    return x + 1


def guarded(a, b):
    try:
        return middle(a, b)
    except ZeroDivisionError as e:
        return 'caught: ' + str(e)


total = 0
for i in range(1, 500):
    total = total + middle(1000, i)
print(total)
print(guarded(1, 0))
print(guarded(10, 3))
for i in range(300):
    r = guarded(i, i % 7)
print(r)


def unbound(flag):
    if flag:
        y = 1
    return y


for i in range(200):
    unbound(True)
try:
    unbound(False)
except UnboundLocalError as e:
    print('UnboundLocalError:', e)


def overflow(x):
    return x + x


v = 1
for i in range(120):
    v = overflow(v)
print(v, type(v).__name__)

print(middle(5, 0))
