# ASCII case mapping, the is* predicates, center/ljust/rjust/zfill and expandtabs
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in [b'hello World 42', bytearray(b"it's a TEST\xe9x"), b'', b'123', b'   ', b'abc', b'ABC', b'aBc1',
          b'hello_world-foo bar', b'\xc3\xa9t\xc3\xa9']:
    print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
    print(s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.isascii(), s.istitle() if hasattr(s, 'istitle') else None)
for s in [b'ab', bytearray(b'abc'), b'-42', b'+7', b'']:
    print(s.center(7), s.center(8, b'*'), s.ljust(5, b'.'), s.rjust(5), s.zfill(6), s.center(1), s.ljust(-3))
print(b'a\tbc\td'.expandtabs(), bytearray(b'a\tb').expandtabs(2), b'x\ty\nz\tw'.expandtabs(tabsize=4), b'\t'.expandtabs(0))
t(lambda: b'ab'.center(6, 'x'))
t(lambda: b'ab'.center(6, b'xy'))
t(lambda: bytearray(b'ab').ljust(6, 42))
t(lambda: b'ab'.rjust())
t(lambda: b'ab'.zfill('3'))
t(lambda: b'ab'.upper(1))
t(lambda: b'ab'.isdigit(x=1))
x = b'SAME'
print(x.upper() is x, x.center(2) is x, bytearray(x).upper() is x)
