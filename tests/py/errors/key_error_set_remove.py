# KeyError: set.remove of a missing element (discard is silent).
s = {1, 2, 3}
s.remove(2)
s.discard(10)
print(s)
s.add(4)
print(s, 4 in s, 10 in s)
s.discard(4)
print("removing 10")
s.remove(10)
