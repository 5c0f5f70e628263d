x = 3
if x > 5:
    pass
elif x > 2
    pass
