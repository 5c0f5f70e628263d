a = 2
b = a +
print(b)
