x = [1, 2, 3]
assert x
assert (x, "this tuple is always true")
assert x == [1, 2, 3], x
assert not None, ("message", 1)
assert 0 < len(x) <= 3, "bounds"
assert isinstance(x, list) and x[0] == 1
assert (lambda: True)(), lambda: "lazy"
