def collatz(n):
    steps = 0
    while n != 1:
        while n % 2 == 0:
            n //= 2
            steps += 1
        else:
            if n == 1:
                break
        n = 3 * n + 1
        steps += 1
    else:
        steps = -steps
    return steps
