class Tree:
    def __init__(self, *children):
        self.children = children

    def __iter__(self):
        yield self
        for child in self.children:
            yield from child

    def leaves(self):
        if not self.children:
            yield self
        else:
            for c in self.children:
                yield from c.leaves()


def in_lambda():
    return lambda: (yield)


def yield_in_with(cm):
    with cm as value:
        received = yield value
        yield from received or ()
