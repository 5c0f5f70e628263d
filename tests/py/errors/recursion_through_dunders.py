# Unbounded recursion through dunder methods, key functions and constructors ends in a RecursionError
# that the program can catch, with nothing leaked (gilpy stops such nesting earlier than CPython: README).
class R:
    def __eq__(self, o):
        return self == o
try:
    R() == 1
except RecursionError:
    print("__eq__: RecursionError")

class S:
    def __setattr__(self, name, value):
        self.other = value
for i in range(3):
    try:
        S().x = 1
    except RecursionError:
        print("__setattr__: RecursionError", i)

def keyed(n):
    return sorted([1, 2], key=lambda x: keyed(n + 1))
try:
    keyed(0)
except RecursionError:
    print("key function: RecursionError")

class Node:
    def __init__(self, n):
        self.next = Node(n + 1)
try:
    Node(0)
except RecursionError:
    print("__init__: RecursionError")
print("still running")
