x = 1
s = 'é' + 1abc
