# Iterating dicts: keys by default, items, values; counting words.
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for v in d.values():
    print("value", v)
for k, v in d.items():
    print(f"{k}={v}")
text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)


def count_of(item):
    return item[1]


print(sorted(counts.items(), key=count_of, reverse=True))
inverse = {}
for k, v in d.items():
    inverse[v] = k
print(inverse)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(list(enumerate(d)), list(zip(d, d.values())))
