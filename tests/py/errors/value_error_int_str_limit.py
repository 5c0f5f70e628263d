# ValueError: CPython 3.11 refuses to convert ints of more than 4300 digits to str.
big = 10 ** 4000
print(len(str(big)))
bigger = big * 10 ** 299
print(len(str(bigger)))
print(len(str(10 ** 4299)), len(str(-(10 ** 4299))))
huge = 10 ** 5000
print(huge % 1000, huge > big)
print("huge has", huge.bit_length(), "bits")
print(str(huge))
