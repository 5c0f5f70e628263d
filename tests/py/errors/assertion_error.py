# AssertionError with a message.
x = 5
assert x == 5
assert x > 0, "positive"
print("assertions passed")
items = [3, 1, 2]
assert sorted(items) == [1, 2, 3], 'sorted'
assert items, 'non-empty'
print('items ok', items)
assert isinstance(x, int)
assert x < 3, f"x should be small, got {x}"
