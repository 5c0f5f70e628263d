# Recursion: fib, factorial, power, Hanoi, sum of digits.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def digits_sum(n):
    if n < 10:
        return n
    return n % 10 + digits_sum(n // 10)


for i in range(15):
    print(i, fib(i))
print(fact(20), fact(50))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:7])
print(digits_sum(2 ** 100))
