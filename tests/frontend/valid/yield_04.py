def coroutine():
    received = []
    try:
        while True:
            item = (yield len(received))
            received.append(item)
    except GeneratorExit:
        return received
    finally:
        print("closed")


def yields_in_expressions():
    a = (yield) + 1
    b = [(yield i), (yield from range(0))] if False else None
    c = f((yield), (yield 2))
    d = {"k": (yield)}
    return a, b, c, d


def f(*a):
    return a
