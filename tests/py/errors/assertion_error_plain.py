# AssertionError without a message.
values = [1, 2, 3]
assert len(values) == 3
print("three values")
checks = 0
for v in [1, 2, 3]:
    assert v > 0
    checks += 1
print('checked', checks, 'values')
assert sum(values) == 7
