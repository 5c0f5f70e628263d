# functools.cached_property: computed once per instance, stored in the instance's __dict__
from functools import cached_property, partial, reduce, lru_cache

class Dataset:
    def __init__(self, values):
        self.values = values
        self.computations = 0

    @cached_property
    def total(self):
        """The sum of the values."""
        self.computations += 1
        return reduce(lambda a, b: a + b, self.values, 0)

    @cached_property
    def doubled(self):
        return [v * 2 for v in self.values]


d = Dataset([1, 2, 3])
print('total' in d.__dict__, d.total, d.total, d.computations, 'total' in d.__dict__)
print(d.doubled is d.doubled, d.__dict__['total'])
d.values.append(10)
print(d.total)
del d.total
print(d.total, d.computations)
d.total = 'overridden'
print(d.total)
e = Dataset([5])
print(e.total, e.computations, d.computations)
print(type(Dataset.total).__name__, Dataset.total.attrname, Dataset.total.__doc__)

# decorators stacked: a cached method of a partial-made function
@lru_cache(maxsize=4)
def combine(sep, *parts):
    return sep.join(parts)

dash = partial(combine, '-')
print(dash('a', 'b'), dash('a', 'b'), combine.cache_info().hits)
