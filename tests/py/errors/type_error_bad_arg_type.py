# TypeError from a builtin given the wrong argument type.
print(abs(-3), round(2.5), len("x"))
print(sum([1, 2]))
print(sum([0.5, 0.25]), sum([[1], [2]], []))
print(''.join(['a', 'b']), sum(range(4), 10))
words = ['a', 'b']
print('use join for strings:', ''.join(words))
print(sum([1.5, 2]))
print("summing strings")
print(sum(["a", "b"]))
