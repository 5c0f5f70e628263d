# Converting ints to text: str, repr, format, and the digits of big numbers.
n = 2 ** 200
s = str(n)
print(s)
print(len(s), s[:5], s[-5:])
print(repr(-(10 ** 40)))
print(format(1234567, ","), format(1234567, "_"), format(-1234567, ","))
print(f"{1234567890:,}", f"{10 ** 12:_}")
print(f"{42:5d}|{42:<5d}|{42:^5d}|{42:05d}|{-42:05d}")
print(f"{42:+d} {-42:+d} {42: d} {-42: d}")
print(str(0), str(-0), str(10 ** 0))
digits = 0
m = 3 ** 500
while m > 0:
    digits += m % 10
    m //= 10
print("digit sum of 3**500:", digits)
print(str(7 ** 300).count("7"))
print(int(str(2 ** 300)) == 2 ** 300)
print("%d %5d %-5d| %05d %x %X %o" % (42, 42, 42, 42, 255, 255, 8))
