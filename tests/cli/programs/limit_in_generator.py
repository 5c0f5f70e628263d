# --max-instructions stops the program inside a generator resumed from native code (list(...) over it)
def forever():
    while True:
        yield 1
x = [*forever()]
