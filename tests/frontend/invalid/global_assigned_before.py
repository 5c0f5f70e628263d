total = 0

def reset():
    total = 5
    global total
