words = ["apple", "Banana", "cherry"]
table = {w[0].lower(): [w2 for w2 in words if w2[0].lower() == w[0].lower()] for w in words}
lengths = {len(w) for w in words}
indexed = [(i, w) for i, w in enumerate(words)]
nested_tuple = [a + b for (a, b), c in [((1, 2), 3)]]
starred = [first for first, *_ in ["ab", "cd"]]
transposed = [[row[i] for row in [[1, 2], [3, 4]]] for i in range(2)]
cond_expr = ["even" if n % 2 == 0 else "odd" for n in range(4)]
dict_from_pairs = {k: v for k, v in zip("abc", range(3)) if v for _ in [0]}
