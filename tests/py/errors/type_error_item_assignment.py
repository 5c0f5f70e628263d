# TypeError: strings are immutable.
s = "hello"
print(s[0], s.upper())
t = "j" + s[1:]
print(t)
print(s.replace('h', 'j'), s)
letters = list(s)
letters[0] = 'j'
print(''.join(letters))
print("assigning into the string")
s[0] = "j"
print(s)
