import re

data = [1, 5, 10, 15]
if (n := len(data)) > 3:
    print(f"{n} items")
while (chunk := data[:2]):
    data = data[2:]
if m := re.match(r"(\d+)", "123abc"):
    print(m.group(1))
filtered = [y for x in range(10) if (y := x * x) > 10]
print(y)
print(total := sum(range(5)), total)
