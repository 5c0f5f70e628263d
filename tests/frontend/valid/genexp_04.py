import itertools

evens = (n for n in itertools.count() if not n % 2)
window = list(itertools.islice(evens, 5))
mx = max((len(s), s) for s in ["aa", "b"])
found = any(c.isdigit() for c in "abc1")
allok = all(x > 0 for x in window if x)
s = set(x for x in "hello")
d = dict((k, v) for k, v in enumerate("ab"))
sorted_gen = sorted((v, k) for k, v in d.items())
