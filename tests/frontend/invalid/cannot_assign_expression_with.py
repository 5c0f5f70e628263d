a = 1
with open('x') as a + 1:
    pass
