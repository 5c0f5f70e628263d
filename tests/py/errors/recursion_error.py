# RecursionError: unbounded recursion; the output printed before it must appear.
def down(n):
    if n % 200 == 0:
        print("depth", n)
    return down(n + 1)


print('limit', 1000, 'is the default')
print("start")
down(1)
