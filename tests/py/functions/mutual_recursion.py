# Mutual recursion and recursion over nested lists.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


print(is_even(10), is_odd(10), is_even(301), is_odd(301))


def flatten(x, out):
    if isinstance(x, list):
        for item in x:
            flatten(item, out)
    else:
        out.append(x)
    return out


print(flatten([1, [2, [3, [4, []]], 5], [[6]]], []))


def depth(x):
    if not isinstance(x, list):
        return 0
    best = 0
    for item in x:
        d = depth(item)
        if d > best:
            best = d
    return best + 1


print(depth([1, [2, [3, [4]]]]), depth([]), depth(5))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3), ackermann(3, 3))
