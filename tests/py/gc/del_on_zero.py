# __del__ runs the moment the last reference goes (no collector involved), once, and a __del__ that
# stores `self` somewhere keeps the object alive.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = Noisy("a")
b = a
del a
print("a deleted, b still refers")
b = None
print("after b = None")

def scope():
    n = Noisy("local")
    print("leaving scope")
scope()
print("after scope")

items = [Noisy(i) for i in range(3)]
items.pop()
print("popped")
items.clear()
print("cleared")

graveyard = []
class Phoenix:
    def __del__(self):
        print("phoenix rises")
        graveyard.append(self)

p = Phoenix()
del p
print(len(graveyard), type(graveyard[0]).__name__)
graveyard.clear()
print("no second __del__")
