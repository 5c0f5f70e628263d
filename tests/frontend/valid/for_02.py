def primes(limit):
    found = []
    for n in range(2, limit):
        for p in found:
            if n % p == 0:
                break
        else:
            found.append(n)
    return found


for first, *rest in [[1, 2, 3], [4]]:
    print(first, rest)
for *init, last in ["abc", "de"]:
    print(init, last)
