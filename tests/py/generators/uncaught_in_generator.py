# An uncaught exception inside a generator: the traceback runs through the generator's frame
def gen():
    yield 1
    x = {}
    raise KeyError("missing")

def consume():
    total = 0
    for v in gen():
        total += v
    return total

print("start")
consume()
