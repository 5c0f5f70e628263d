try:
    pass
finally:
    pass
try:
    x = 1
except KeyError:
    pass
else:
    x = 2
try:
    y = 1
except IndexError:
    pass
finally:
    y = 0
try:
    z = 1
except:
    z = 2
else:
    z = 3
finally:
    z = 4
