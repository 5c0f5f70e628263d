name = 'f'
with open(name) as fh:
data = fh.read()
