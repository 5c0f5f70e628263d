# Using sets to deduplicate while keeping first-seen order in a list.
data = [5, 3, 5, 1, 3, 9, 1, 0, 9, 7]
seen = set()
unique = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, seen, len(seen))
print(sorted(set(data)), len(set(data)) == len(unique))
names = ["bob", "alice", "Bob", "carol", "alice"]
lowered = set()
for n in names:
    lowered.add(n.lower())
print(sorted(lowered))
a = set(range(0, 20, 2))
b = set(range(0, 20, 3))
print(a)
print(b)
print(sorted(a & b), a | b)
print(sorted(a - b), sorted(b - a))
