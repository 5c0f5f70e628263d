# ValueError: max() of an empty sequence without a default.
print(max([3, 9, 2]), max([], default="none"))
scores = []
for s in [1, 2]:
    scores.append(s)
print(max(scores, default=-1), min([4, 2]), max('abc'))
print(max([[]]))
scores.clear()
print("scores:", scores)
print(max(scores))
