FLAGS = (True, False, None, ..., 0, 0.0, 0j, "", b"")
checks = [x is None for x in FLAGS]
truthy = [bool(x) for x in FLAGS if x is not ...]
if True:
    pass
while False:
    pass
result = None if True else False
not_none = not None
