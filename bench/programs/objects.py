# Instances of a small class hierarchy: creation (__init__ through super()), attribute stores and loads,
# method calls, and freeing (each object dies when the next replaces it).
import sys

class Shape:
    def __init__(self, name):
        self.name = name

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
total = 0
for i in range(n):
    r = Rect(i, 2)
    total += r.area()
print(total)
