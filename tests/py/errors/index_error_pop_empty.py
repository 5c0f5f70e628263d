# IndexError: pop from empty list.
stack = []
for i in range(3):
    stack.append(i * i)
    print("push", stack)
print("pop", stack.pop(0))
print(stack.pop(), stack.pop())
print("stack is now", stack, len(stack))
print("popping once more")
stack.pop()
