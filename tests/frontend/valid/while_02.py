import random

lines = iter(["a", "b", "", "c"])
while (line := next(lines, None)) is not None:
    if not line:
        continue
    print(line)
else:
    print("exhausted")
tries = 0
while True:
    tries += 1
    if random.random() < 0.1 or tries > 99: break
