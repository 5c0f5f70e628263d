# Ints from -5 to 256 are cached: computed values are the same objects.
a = 255
b = a + 1
c = 256
print(b is c, b == c)
d = c + 1
e = 257
print(d is e, d == e)
m = -4
n = m - 1
k = -5
print(n is k)
n2 = n - 1
k2 = -6
print(n2 is k2, n2 == k2)
zero = 1 - 1
two = 2
print(zero is two - two, zero is 0 * two)
print(int("256") is int("256"), int("257") is int("257"))
print(int("-5") is int("-5"), int("-6") is int("-6"))
i = 0
all_cached = True
while i <= 256:
    if int(str(i)) is not i:
        all_cached = False
    i += 1
print(all_cached)
print(int("100") * 2 is int("200"), int("200") * 2 is int("400"))
