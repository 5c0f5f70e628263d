# Nested lists: matrices, deep access, copying.
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[0], m[1][2], m[-1][-2], len(m), len(m[0]))
t = []
for j in range(3):
    col = []
    for i in range(3):
        col.append(m[i][j])
    t.append(col)
print(t)
flat = []
for row in m:
    flat.extend(row)
print(flat)
shallow = m.copy()
shallow[0][0] = "changed"
print(m[0], shallow[0] is m[0])
deep = []
for row in m:
    deep.append(row[:])
deep[1][1] = "only deep"
print(m[1], deep[1])
tree = [1, [2, [3, [4, [5]]]]]
node = tree
depth = 0
while isinstance(node, list):
    print(depth, node[0])
    node = node[1] if len(node) > 1 else None
    depth += 1
print(tree)
print([[1, 2], [3]] + [[4]], [[]] == [[]], [[1]] < [[2]])
