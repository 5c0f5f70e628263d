# ValueError: str.index of a missing substring (find returns -1 instead).
s = "hello world"
print(s.find("world"), s.index("world"))
print(s.find("xyz"))
print(s.rfind('o'), s.rindex('o'), s.count('o'))
print(s.find('o', 5), s.index('o', 5))
print('xyz' in s)
print(s.startswith('he'), s.endswith('ld'))
print("now index('xyz')")
print(s.index("xyz"))
