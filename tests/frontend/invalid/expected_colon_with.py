name = 'f.txt'
with open(name) as fh
    data = fh.read()
