counts = {}
words = "the quick brown the lazy the".split()
for w in words:
    counts[w] = counts.get(w, 0)
    counts[w] += 1
matrix = [[1, 2], [3, 4]]
matrix[0][1] -= matrix[1][0]
matrix[-1][-1] **= 3
s = "a"
s += "b" "c"
s *= 2
bits = 0
bits |= 1 << 3
bits ^= ~bits
