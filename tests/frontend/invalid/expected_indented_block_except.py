x = 1
try:
    x = 2
except ValueError:
x = 3
