nums = range(10)
squares = [n * n for n in nums]
evens = [n for n in nums if n % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
matrix = [[r * c for c in range(3)] for r in range(3)]
flat = [x for row in matrix for x in row]
multi_if = [n for n in nums if n > 2 if n < 8 if n != 5]
unique = {n % 3 for n in nums}
mapping = {n: n ** 2 for n in nums if n}
inverted = {v: k for k, v in mapping.items()}
