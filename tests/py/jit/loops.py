# While loops that run many times in a function called once: the loop goes on as compiled code from its
# head (jit.ts, entered from the loop's JUMP_BACKWARD). Loops with break and continue, nested loops, a
# return from inside a loop, a loop whose arithmetic leaves the compact ints (the loop's slow path), an
# exception raised in a loop, a loop in a __del__ and in a key function (run from a native), and two
# threads both counting down.
import sys
import threading


def countdown(n):
    while n > 0:
        n -= 1
    return n


print(countdown(300000))


def odd_sum(n):
    total = 0
    k = 0
    while True:
        k += 1
        if k > n:
            break
        if k % 2 == 0:
            continue
        total += k
    return total


print(odd_sum(100001))


def triangle(n):
    count = 0
    i = 0
    while i < n:
        j = 0
        while j < i:
            count += 1
            j += 1
        i += 1
    return count


print(triangle(400))


def first_square_above(limit):
    k = 1
    while True:
        if k * k > limit:
            return k
        k += 1


print(first_square_above(10 ** 9))


def grows(n):
    x = 1
    while n > 0:
        x = x + x  # past 2**53: a big int, by the loop's slow path
        n -= 1
    return x


print(grows(200) == 2 ** 200, sys.getrefcount(grows(100)) >= 1)


def divides(n):
    k = n
    while k > -5:
        n = n + 1000 // k  # k reaches 0: ZeroDivisionError from inside the loop
        k -= 1
    return n


try:
    divides(50000)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)


class Counted:
    def __del__(self):
        k = 0
        while k < 20000:
            k += 1
        print('del counted', k)


c = Counted()
c = None


def slow_key(x):
    k = 0
    while k < 3000:
        k += 1
    return -x


print(sorted([3, 1, 2], key=slow_key))

results = []


def worker(n):
    while n > 0:
        n -= 1
    results.append(n)


threads = [threading.Thread(target=worker, args=(200000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
