x = 1
if x > 2:
    pass
elif x > 1:
print(x)
