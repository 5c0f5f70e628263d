x = 2
if x == 1 or == 2:
    print(x)
