# A generator pipeline: lazy stages connected by iteration, infinite sources, early exit
def numbers():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x

def squares(it):
    for x in it:
        yield x * x

def only(pred, it):
    return (x for x in it if pred(x))

def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

print(list(take(5, squares(numbers()))))
print(list(chunks(take(10, only(lambda v: v % 3 == 0, numbers())), 4)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([x for x in take(15, fib())])
print(sum(take(100, fib())))

# zip, map, enumerate, filter over generators
print(list(zip(take(3, numbers()), "abc")))
print(list(map(lambda p: p[0] * p[1], zip(take(4, fib()), take(4, numbers())))))
print(list(enumerate(take(3, squares(numbers())), start=1)))
print(list(filter(None, take(6, numbers()))))

# a word-count pipeline
text = """the cat sat on the mat
the dog sat on the log"""
def lines(t):
    for line in t.split("\n"):
        yield line
def words(ls):
    for line in ls:
        yield from line.split()
counts = {}
for w in words(lines(text)):
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

# generators as iterators in classes
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), 3 in t, max(t))

# many generators alive at once
gens = [take(3, numbers()) for _ in range(100)]
print(sum(sum(g) for g in gens))
# deep delegation chains
def chain(depth):
    if depth == 0:
        yield "bottom"
    else:
        yield from chain(depth - 1)
print(list(chain(50)))
