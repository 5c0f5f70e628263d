# TypeError: can't multiply sequence by non-int of type 'str'.
print("ab" * 2, [0] * 3)
n = "3"
print((1, 2) * 2, 3 * 'x', [None] * 2)
print('-' * int('3'))
k = 2
print('ab' * k, k * [1])
print(int(n) * 'ab')
print("n is", repr(n))
print("ab" * n)
