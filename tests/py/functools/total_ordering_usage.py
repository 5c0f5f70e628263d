# functools.total_ordering: the missing comparisons derived from one of them and __eq__
from functools import total_ordering

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a < b, a <= b, a > b, a >= b, a == c, a <= c, a >= c, a != b)
print(sorted([Version(2), Version(1, 5), Version(1, 0, 1)]), max(a, b), min(a, b))
print(Version.__gt__.__name__, Version.__le__.__doc__)
try:
    a < 3
except TypeError as e:
    print(e)
try:
    a >= 'x'
except TypeError as e:
    print(e)


@total_ordering
class Desc:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __gt__(self, other):
        return self.n > other.n


print(Desc(3) < Desc(4), Desc(3) >= Desc(3), Desc(5) <= Desc(4), Desc(2) > Desc(1))


@total_ordering
class ByLe:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __le__(self, other):
        return self.n <= other.n


print(ByLe(1) < ByLe(2), ByLe(2) > ByLe(2), ByLe(3) >= ByLe(2))


@total_ordering
class ByGe:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n >= other.n


print(ByGe(1) < ByGe(2), ByGe(2) > ByGe(2), ByGe(3) <= ByGe(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)
