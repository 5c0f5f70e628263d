# StopIteration escapes from next() without a default.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, "default works"))
words = iter(['a', 'b', 'c'])
for w in words:
    print('word', w)
print(next(words, 'words exhausted'))
print(next(iter([9])), 'from a fresh iterator')
print(next(it))
