# pass, break, continue
class Empty:
    pass


def todo():
    pass


for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    pass
else:
    pass
