# Negative numbers are unary minus applied to a constant
a = -1
b = +1
c = - 1
d = --1
e = -(-1)
f = ~0
g = -0
h = -0x10
i = 2 ** -1
j = -2 ** 2
k = (-2) ** 2
m = 1 - -1
n = [-1, -2, -3]
