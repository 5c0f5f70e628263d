# ValueError: int() of NaN.
nan = float("nan")
print(nan, nan == nan)
print(round(2.5), int(2.9))
inf = float('inf')
print(inf - inf, inf * 0)
print(int(1e18), int(-0.99))
samples = [2.5, -1.5]
for s in samples:
    print(s, int(s), round(s))
print(int(nan))
