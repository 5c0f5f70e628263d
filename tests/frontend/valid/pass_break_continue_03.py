n = 0
while True:
    n += 1
    try:
        if n < 3:
            continue
        elif n > 10:
            break
    finally:
        if n == 5:
            continue
    while n < 4:
        n += 1
        if n == 2:
            break
    else:
        pass
