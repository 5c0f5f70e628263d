# TypeError: 'int' object is not iterable.
for ch in "ok":
    print(ch)
for i in range(2):
    print(i)
count = 3
print(list(range(count)))
print("looping over", count)
for i in count:
    print(i)
