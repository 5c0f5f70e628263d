# TypeError: list * float and other unsupported operand pairs.
row = [0, 1]
print(row * 2)
print(row + [2])
print("x" * 3)
print(row * 0, 2 * row)
print([[0] * 2] * 2)
print(row * True, row * False)
print("multiplying by a float")
print(row * 1.5)
