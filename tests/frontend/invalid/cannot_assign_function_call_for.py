def f():
    return 1

for f() in range(3):
    pass
