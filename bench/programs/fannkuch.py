# Fannkuch-redux: the Computer Language Benchmarks Game's pancake-flipping permutations (after the
# pyperformance version): list slicing and reversal, slice assignment, pop/insert.
# Arguments: n, and how many times to repeat the whole computation.
import sys


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    m = n - 1
    r = n
    check = 0
    checksum = 0
    sign = 1
    perm1 = list(range(n))
    perm = list(range(n))
    perm1_ins = perm1.insert
    perm1_pop = perm1.pop
    while 1:
        if check < 30:
            check += 1
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0 and perm1[m] != m:
            perm = perm1[:]
            flips_count = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips_count += 1
                k = perm[0]
            if flips_count > max_flips:
                max_flips = flips_count
            checksum += sign * flips_count
        sign = -sign
        while r != n:
            perm1_ins(r, perm1_pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return checksum, max_flips


n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
for _ in range(repeat):
    checksum, flips = fannkuch(n)
print(checksum)
print(f"Pfannkuchen({n}) = {flips}")
