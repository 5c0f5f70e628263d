data = {"a": [{"b": ({"c": [[{"d": ((1, 2), [3, {4, 5}])}]]},)}]}
value = data["a"][0]["b"][0]["c"][0][0]["d"][1][1]
expr = ((((1 + 2) * (3 - 4)) / ((5 ** 6) // (7 % 8))) << (9 >> (10 & (11 | 12))))
calls = f(g(h(i(j(k(1))))))
lams = (lambda: (lambda: (lambda: (lambda: 1))))()()()()
comps = [[[[z for z in y] for y in x] for x in w] for w in [[[[1]]]]]
