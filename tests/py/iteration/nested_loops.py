# Nested loops and building a multiplication table.
for i in range(1, 6):
    row = ""
    for j in range(1, 6):
        row += str(i * j).rjust(4)
    print(row)
pairs = []
for a in "ab":
    for b in "xyz":
        if b == "y":
            continue
        pairs.append(a + b)
print(pairs)
count = 0
for i in range(10):
    for j in range(i):
        for k in range(j):
            count += 1
print(count)
matrix = [[1, 2], [3, 4], [5, 6]]
for row in matrix:
    for value in row:
        print(value, end=" ")
print()
