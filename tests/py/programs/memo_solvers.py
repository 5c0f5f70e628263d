# Dynamic programming with hand-made memoisation: edit distance (with the alignment recovered),
# 0/1 knapsack (top-down memo and bottom-up table agree), coin change (count and fewest coins),
# longest common subsequence, and a memo decorator class with hit statistics and a reset.
import sys


class Memo:
    """A decorator class: caches results by positional arguments and counts hits."""

    instances = []

    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        self.hits = 0
        self.__name__ = fn.__name__
        Memo.instances.append(self)

    def __call__(self, *args):
        try:
            value = self.cache[args]
            self.hits += 1
            return value
        except KeyError:
            value = self.cache[args] = self.fn(*args)
            return value

    def reset(self):
        n = len(self.cache)
        self.cache = {}
        self.hits = 0
        return n

    def __repr__(self):
        return f"<Memo {self.__name__}: {len(self.cache)} entries, {self.hits} hits>"


def edit_distance(a, b):
    @Memo
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))

    dist = d(len(a), len(b))
    # walk back through the memo table to recover one alignment
    i, j = len(a), len(b)
    ops = []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and a[i - 1] == b[j - 1] and d(i, j) == d(i - 1, j - 1):
            ops.append(f"={a[i - 1]}")
            i, j = i - 1, j - 1
        elif i > 0 and j > 0 and d(i, j) == d(i - 1, j - 1) + 1:
            ops.append(f"~{a[i - 1]}{b[j - 1]}")
            i, j = i - 1, j - 1
        elif i > 0 and d(i, j) == d(i - 1, j) + 1:
            ops.append(f"-{a[i - 1]}")
            i -= 1
        else:
            ops.append(f"+{b[j - 1]}")
            j -= 1
    return dist, " ".join(reversed(ops)), d


for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"),
             ("intention", "execution"), ("gilpy", "python")]:
    dist, alignment, memo = edit_distance(a, b)
    print(f"{a!r:>12} -> {b!r:<12} distance {dist}: {alignment}   {memo}")


def knapsack_memo(items, capacity):
    memo = {}

    def best(i, cap):
        if i == len(items) or cap == 0:
            return 0, ()
        key = (i, cap)
        if key in memo:
            return memo[key]
        name, weight, value = items[i]
        skip = best(i + 1, cap)
        result = skip
        if weight <= cap:
            v, chosen = best(i + 1, cap - weight)
            if v + value > skip[0]:
                result = (v + value, (name,) + chosen)
        memo[key] = result
        return result

    return best(0, capacity), len(memo)


def knapsack_table(items, capacity):
    table = [[0] * (capacity + 1) for _ in range(len(items) + 1)]
    for i, (name, w, v) in enumerate(items, 1):
        for c in range(capacity + 1):
            table[i][c] = table[i - 1][c]
            if w <= c and table[i - 1][c - w] + v > table[i][c]:
                table[i][c] = table[i - 1][c - w] + v
    return table[-1][-1]


items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
         ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70), ("camera", 32, 30),
         ("tshirt", 24, 15), ("trousers", 48, 10), ("umbrella", 73, 40), ("wtrousers", 42, 70),
         ("woverclothes", 43, 75), ("notecase", 22, 80), ("sunglasses", 7, 20), ("towel", 18, 12),
         ("socks", 4, 50), ("book", 30, 10)]
for cap in (0, 10, 100, 400):
    (value, chosen), states = knapsack_memo(items, cap)
    weight = sum(w for n, w, v in items if n in chosen)
    print(f"cap {cap:3d}: value {value:4d} weight {weight:3d} table {knapsack_table(items, cap):4d} "
          f"states {states:4d} items {sorted(chosen)}")


def coin_ways(coins, amount):
    ways = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    return ways[amount]


def fewest_coins(coins, amount):
    INF = float("inf")
    best = [0] + [INF] * amount
    last = [None] * (amount + 1)
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
                last[a] = c
    if best[amount] == INF:
        return None
    used = {}
    a = amount
    while a:
        used[last[a]] = used.get(last[a], 0) + 1
        a -= last[a]
    return best[amount], dict(sorted(used.items(), reverse=True))


for coins, amount in [((1, 2, 5), 5), ((1, 5, 10, 25, 50, 100), 100), ((2,), 3), ((1, 3, 4), 6),
                      ((7, 3), 20), ((1, 5, 10, 25, 50, 100), 1000)]:
    print(f"coins {coins} amount {amount}: ways {coin_ways(coins, amount)}, fewest {fewest_coins(coins, amount)}")


@Memo
def lcs(a, b):
    if not a or not b:
        return ""
    if a[0] == b[0]:
        return a[0] + lcs(a[1:], b[1:])
    x, y = lcs(a[1:], b), lcs(a, b[1:])
    return x if len(x) >= len(y) else y


for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("dynamic", "programming")]:
    print(a, b, repr(lcs(a, b)))
print(lcs)
print(lcs.reset(), lcs)


@Memo
def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


# (gilpy nests each __call__ on the JS stack, at most 160 deep: keep the recursion shallow)
print([partitions(n, n) for n in range(1, 16)], partitions(60, 60))
print(partitions)
old = sys.getrecursionlimit()
print(len(Memo.instances), sorted(m.__name__ for m in Memo.instances), old >= 1000)
