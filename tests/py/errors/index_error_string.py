# IndexError: string index out of range.
s = "abc"
print(s[0], s[-1], s[1:10])
print("slices never fail:", repr(s[5:]))
word = 'python'
for i in range(-len(word), len(word), 3):
    print(i, word[i])
print(word[-1], word[:100])
print(s.find('z'), s[::-1], len(s))
print(s[3])
