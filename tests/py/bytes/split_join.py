# split/rsplit/splitlines/partition/rpartition, join, replace and the strips
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in [b'  a b\tc\n d  ', bytearray(b'x,y,,z'), b'']:
    print(s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2))
    print(s.split(b','), s.rsplit(b',', 1), s.split(b',', 0), s.split(sep=b',', maxsplit=1), s.split(bytearray(b'b')))
    print(s.partition(b','), s.rpartition(b','), s.partition(b' '), s.rpartition(b'zz'))
    print(s.strip(), s.lstrip(), s.rstrip(), s.strip(b' ad'), s.lstrip(b' ,x'), s.rstrip(bytearray(b' dz')), s.strip(None))
    print(s.replace(b',', b';'), s.replace(b'', b'.'), s.replace(b' ', b'', 2), s.replace(b'x', bytearray(b'XX')))
lines = b'one\ntwo\r\nthree\rfour\x0bfive\x0csix\n\n'
print(lines.splitlines(), lines.splitlines(True), bytearray(lines).splitlines(keepends=True))
print(b''.splitlines(), b'\n'.splitlines(), b'no newline'.splitlines())
print(b', '.join([b'a', bytearray(b'b'), b'c']), bytearray(b'-').join([b'x', b'y']), b''.join([]), b'.'.join(b'ab' for _ in range(3)))
print(b'x'.join([bytearray(b'1')]), type(bytearray().join([])).__name__, b'sep'.removeprefix(b's'), bytearray(b'sep').removesuffix(b'p'))
t(lambda: b'a b'.split(b''))
t(lambda: b'a b'.split(' '))
t(lambda: b'a'.join([b'x', 'y']))
t(lambda: b'a'.join([1]))
t(lambda: b'a'.join(5))
t(lambda: b'a'.partition(b''))
t(lambda: b'a'.partition('a'))
t(lambda: b'a'.replace('a', b'b'))
t(lambda: b'a'.strip('a'))
t(lambda: b'a'.split(maxsplit='1'))
x = b'unchanged'
print(x.replace(b'q', b'r') is x, x.strip() is x, bytearray(x).strip() is x)
