# Freeing a very long chain (a linked list, deeply nested tuples) must not exhaust the host's stack:
# objects past a nesting depth are put aside and freed afterwards (CPython's trashcan).
import gc

class Node:
    __slots_note__ = "plain instance"
    def __init__(self, nxt):
        self.next = nxt

head = None
for i in range(100000):
    head = Node(head)
del head
print("linked list freed")

t = ()
for i in range(100000):
    t = (t,)
del t
print("nested tuples freed")

l = []
t = l
for i in range(100000):
    t = [t]
l.append(t)
del t, l
print("deep cycle collected:", gc.collect() > 0)

d = {}
cur = d
for i in range(50000):
    cur["k"] = {}
    cur = cur["k"]
del d, cur
print("nested dicts freed")
