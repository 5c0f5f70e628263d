x = 7
y = 2
ops = [
    x + y, x - y, x * y, x / y, x // y, x % y, x ** y,
    x << y, x >> y, x & y, x | y, x ^ y,
    -x, +x, ~x, not x,
    x < y, x > y, x <= y, x >= y, x == y, x != y,
    x is y, x is not y, x in [y], x not in [y],
]
