# iter(callable, sentinel) calls until the sentinel appears.
state = [0]


def counter():
    state[0] += 1
    return state[0]


for v in iter(counter, 5):
    print("value", v)
print("state", state)
values = [3, 2, 1, 0, 9]
pos = 0


def take():
    global pos
    pos += 1
    return values[pos - 1]


print(list(iter(take, 0)), pos)
