# Imaginary literals
a = 3j
b = 1.5J
c = 1e3j
d = 0j
e = .5j
f = 5.j
g = 1_000j
h = 1 + 2j
i = -3j
j = 2 - -4.5j
k = 1e999j
l = 0e0j
