x = 1
if x > 2:
    pass
else:
print(x)
