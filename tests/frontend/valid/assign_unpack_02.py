# Starred targets
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *middle, tail = range(10)
*everything, = (1, 2)
[*xs] = "abc"
(a, *b) = 1, 2, 3
[p, *q, r] = [0] * 5
for x, *ys in [(1, 2, 3), (4, 5)]:
    print(x, ys)
