x = 3
if x > 5:
    pass
else
    pass
