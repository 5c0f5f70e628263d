text = "abcdefghij"
n = len(text)
mid = text[n // 2]
halves = text[:n // 2], text[n // 2:]
computed = text[n - 3:n - 1:1]
lam = text[(lambda: 1)():]
walrus = text[(k := 2):k * 2]
cond = text[0 if n else 1:]
call = text[len("ab"):len("abcde")]
chained = text[1:][1:][1:]
nested = [[1, 2], [3, 4]][1][0]
attr_sub = text.upper()[0].lower()[0:1]
