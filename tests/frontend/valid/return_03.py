def search(tree, key):
    while tree is not None:
        if key == tree.key:
            return tree.value
        tree = tree.left if key < tree.key else tree.right
    return None


def gen_with_return(n):
    for i in range(n):
        yield i
    return "done"


def returns_yield():
    x = yield
    return x
