# ValueError: float() of a malformed string.
for s in ["1.5", "-2e3", "inf", "  .5 "]:
    print(repr(s), float(s))
print(float('1_0.5'), float('1e-3'), float('-inf'))
candidates = ['3.25', '2', '1e2']
total = 0.0
for c in candidates:
    total += float(c)
print('total', total)
print("parsing '1.2.3'")
print(float("1.2.3"))
