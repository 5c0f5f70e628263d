count = 0

def bump():
    print(count)
    global count
    count += 1
