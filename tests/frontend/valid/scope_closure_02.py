def make_accumulator(start):
    total = start

    def add(n):
        nonlocal total
        total += n

        def peek():
            return total, start

        return peek

    def reset():
        nonlocal total
        total = start

    return add, reset
