# Loops that grow and shrink sets; membership tests.
primes = set()
n = 2
while len(primes) < 8:
    is_p = True
    for p in sorted(primes):
        if n % p == 0:
            is_p = False
    if is_p:
        primes.add(n)
    n += 1
print(primes, sorted(primes))
visited = set()
node = 1
while node not in visited:
    visited.add(node)
    node = (node * 3) % 10
print(sorted(visited), node)
left = {1, 2, 3, 4, 5}
while left:
    smallest = min(left)
    left.remove(smallest)
    print(smallest, left)
