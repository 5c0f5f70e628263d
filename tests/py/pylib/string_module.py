# string: the constants and capwords
import string

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'whitespace', 'printable']:
    value = getattr(string, name)
    print(name, len(value), repr(value))
print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
print(all(c.isalpha() for c in string.ascii_letters), sorted(string.whitespace) == sorted(' \t\n\r\x0b\x0c'))
print(string.capwords('hello   wORLD, this is\tgilpy '))
print(repr(string.capwords('')), string.capwords('a-b--c', '-'), string.capwords('x y', None))
print([n for n in ['capwords', 'digits', 'whitespace'] if n in string.__all__])
from string import digits, capwords as cw
print(digits, cw('ab cd'))
print(''.join(ch for ch in 'a1b2!c?' if ch in string.ascii_lowercase + string.punctuation))
