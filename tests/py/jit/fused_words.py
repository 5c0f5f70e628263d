# Compiled code around superinstructions: an UnboundLocalError raised in the middle of one (the fused
# STORE_FAST + LOAD_FAST of `x = 2` / `z = y + x`: the countdown must be the loop's when it is raised), and a
# loop whose head is the second word of one (`i = 0` / `while i < n`: a jump to that word runs it alone).


def f(flag):
    if flag:
        y = 1
    x = 2
    z = y + x
    w = z + x
    v = w + z
    return v


for i in range(30):
    f(True)
caught = 0
for i in range(100):
    try:
        f(False)
    except UnboundLocalError as e:
        caught += 1
        last = str(e)
print(caught, last)


def count(n):
    i = 0
    while i < n:
        i += 1
    return i


print(count(100000))


def count_both(n):
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


print(count_both(50000))
