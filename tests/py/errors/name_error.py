# NameError for a name that was never bound.
values = [1, 2, 3]
total = 0
for v in values:
    total += v
    print("running total", total)
print('total' in globals(), 'undefined_quantity' in globals())
print("about to use an undefined name")
result = total + undefined_quantity
print("not reached", result)
