x = 0
try:
    x = 1 / x
print(x)
