def in_range(value, low=0, high=100):
    return low <= value < high


def sort_key(item):
    return (item is None, item)


items = [3, None, 1]
ok = all(0 < x < 10 for x in items if x is not None)
same = items[0] == items[-1] != items[1]
membership = 3 in items and 4 not in items
identity = items is items is not None
