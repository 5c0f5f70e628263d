import os, \
    sys
from os.path import join, \
    dirname
for i in \
        range(3):
    pass
while \
        False:
    pass
x = 1 if \
    True else \
    2
lam = lambda a, \
    b: a + \
    b
