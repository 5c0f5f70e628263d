items = []
for i in items:

# todo
