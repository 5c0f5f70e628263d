# an exception raised inside a library module written in Python reaches the top level
from collections import deque
d = deque([1, 2])
print(d.pop(), d.popleft(), d)
d.pop()
