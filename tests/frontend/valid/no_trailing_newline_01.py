x = 1
if x:
    y = x + 1
print(y)