# Chained assignment: every target receives the same value.
a = b = c = 0
x = y = [1, 2, 3]
first = second = third = None
counter = total = 0
for item in x:
    counter = counter + 1
    total = running = total + item
print(a, b, c, first, second, third, counter, total, running)
