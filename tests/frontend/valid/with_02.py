import contextlib

with (
    open("in.txt") as src,
    open("out.txt", "w") as dst,
):
    dst.write(src.read())
with (open("a") as a, open("b") as b):
    pass
with (contextlib.suppress(KeyError)):
    pass
with (a, b):
    pass
with (yield_point):
    pass
