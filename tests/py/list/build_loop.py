# Building lists in loops: filtering, mapping, accumulating.
squares = []
evens = []
for i in range(1, 11):
    squares.append(i * i)
    if i % 2 == 0:
        evens.append(i)
print(squares)
print(evens)
print(list(map(str, evens)), list(filter(None, [0, 1, "", "a", None, [], [0]])))
total = 0
running = []
for s in squares:
    total += s
    running.append(total)
print(running)
stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        print("pop", stack.pop(), "for", ch)
print(stack, not stack)
queue = [1, 2, 3]
while queue:
    item = queue.pop(0)
    print("got", item)
    if item < 3:
        queue.append(item + 10)
