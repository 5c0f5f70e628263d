# str/int/float of bools and bool of strings and numbers.
for s in ["True", "False", "", "0", "no"]:
    print(repr(s), bool(s), len(s))
print(int(True) + int(False), float(False), str(True).lower())
print(bool(0.0), bool(0j) if False else "skip", bool(1e-300))
flags = [True, False, True, True, False]
count = 0
for f in flags:
    if f:
        count += 1
print(count, sum(flags), flags.count(True), flags.count(1))
print(all(flags), any(flags), all([]), any([]))
print(True if 0 else False, "yes" if [0] else "no", "yes" if [] else "no")
print(bool(None) is False, (1 > 0) is True)
t = True
t += 1
print(t, type(t))
f = False
f = not f
print(f, type(f))
