# Iterators written as classes: __iter__ returning self or a separate iterator, __next__ raising
# StopIteration, every consumer (for, list, tuple, sum, sorted, dict, zip, map, enumerate, unpacking,
# `in`, comprehensions, yield from), next() with and without a default, StopIteration's value through
# next(), other exceptions from __next__, exhausted iterators, and iter() returning a non-iterator.


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Evens:
    """An iterable (not an iterator): each iter() makes a fresh EvensIterator."""

    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return EvensIterator(self.limit)


class EvensIterator:
    def __init__(self, limit):
        self.i = 0
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        while self.i < self.limit:
            x = self.i
            self.i += 1
            if x % 2 == 0:
                return x
        raise StopIteration


class Fussy:
    def __init__(self):
        self.calls = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.calls += 1
        if self.calls == 3:
            raise ValueError("third call fails")
        return self.calls


class WithValue:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("the end", 42)


class MyStop(StopIteration):
    pass


class SubclassStop:
    def __init__(self):
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise MyStop()
        self.done = True
        return "only"


for x in Countdown(3):
    print("for", x)
print(list(Countdown(4)), tuple(Countdown(2)), sum(Countdown(10)), sorted(Countdown(3)))
print([x * x for x in Countdown(3)], {x: str(x) for x in Countdown(2)}, set(Countdown(3)))
print(list(zip(Countdown(3), "abc")), list(map(str, Countdown(2))), list(enumerate(Countdown(2))))
a, b, c = Countdown(3)
first, *rest = Countdown(4)
print(a, b, c, first, rest, [*Countdown(2), *Countdown(1)])
print(2 in Countdown(3), 5 in Countdown(3), max(Countdown(5)), min(Countdown(5)), any(Countdown(0)))
print(dict(zip(Countdown(2), Countdown(2))), "-".join(str(x) for x in Countdown(3)))

it = Countdown(2)
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print(list(it), iter(it) is it)

ev = Evens(7)
print(list(ev), list(ev), [x for x in ev if x > 2], list(iter(ev)) == list(ev))
e1, e2 = iter(ev), iter(ev)
print(next(e1), next(e1), next(e2), e1 is not e2)

f = Fussy()
got = []
try:
    for x in f:
        got.append(x)
except ValueError as e:
    print("ValueError:", e, got, f.calls)

w = WithValue()
try:
    next(w)
except StopIteration as e:
    print("next() keeps the StopIteration:", e.args, e.value)
print(list(WithValue()), next(WithValue(), "dflt"))
print(list(SubclassStop()), next(SubclassStop()))


def delegate():
    yield "start"
    yield from Countdown(2)
    yield from Evens(5)
    yield "end"


print(list(delegate()))


class NotAnIterator:
    def __iter__(self):
        return 42


class NoNext:
    def __iter__(self):
        return self


for obj in (NotAnIterator(), NoNext()):
    try:
        iter(obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    next(Evens(3))
except TypeError as e:
    print("TypeError:", e)
