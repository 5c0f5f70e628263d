# References going up and down: aliases, a container holding an object, a call's argument, a free.
import sys


class Node:
    def __init__(self, value):
        self.value = value


def keep(x):
    return [x, x]


a = Node(1000)
b = a
print(sys.getrefcount(a))
pair = keep(a)
print(sys.getrefcount(a))
del pair
print(sys.getrefcount(b))
b = None
del a
print("freed")
