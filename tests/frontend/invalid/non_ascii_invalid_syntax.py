x = 1
s = 'café'; y = = 2
