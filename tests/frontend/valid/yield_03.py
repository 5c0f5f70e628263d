def tree_walk(node):
    if node is None:
        return
    yield from tree_walk(node.left)
    yield node.value
    yield from tree_walk(node.right)


def pairs(seq):
    it = iter(seq)
    for a in it:
        b = yield a, next(it, None)
        if b:
            yield from (x for x in b)
