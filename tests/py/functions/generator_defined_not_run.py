# A program that contains generators compiles and runs up to them (gilpy cannot run generators yet,
# so this one defines them without running them).
def countdown(n):
    while n > 0:
        yield n
        n -= 1

def squares(xs):
    return (x * x for x in xs)

print(countdown.__name__, squares.__name__)
if len(countdown.__name__) > 100:
    print(sum(squares([1, 2, 3])))
print("done")
