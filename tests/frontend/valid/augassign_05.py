def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


total = 0


def add(n):
    global total
    total += n
    total -= n // 2
