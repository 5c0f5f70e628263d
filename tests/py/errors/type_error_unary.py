# TypeError: bad operand type for unary minus.
print(-5, -(-5), -2.5, -True)
words = ["a", "b"]
print(words, len(words))
print(+5, ~5, not 5, -(2 ** 70))
values = [1, -2, 3]
for v in values:
    print(v, -v, abs(v))
print(-len(words), 'strings next')
print(-words[0])
