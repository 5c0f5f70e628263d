# TypeError: len() of an int.
for v in ["abc", [1, 2], (1,), {"a": 1}, range(4)]:
    print(repr(v), len(v))
n = 12345
print("digits:", len(str(n)))
print(len([]), len(''), len(range(0)), len(set()))
print(len(str(10 ** 20)), len(bin(255)))
digits = list(str(n))
print(digits, len(digits))
print(len(n))
