# OverflowError: an int too large to convert to float.
big = 10 ** 308
print(float(big))
bigger = big * 1000
print(bigger > 0, len(str(bigger)))
print(float(2 ** 1023), float(-(2 ** 1023)))
print(10 ** 309 > 1e308, 10 ** 309 == float('inf'), 'comparing is fine')
print(2 ** 1024 // 2 ** 1023)
print(bigger // big, bigger % 7)
print(float(bigger))
