# find/rfind/index/rindex/count and startswith/endswith, with ints, slices and tuples
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in [b'abracadabra', bytearray(b'abracadabra')]:
    for sub in [b'a', b'abra', b'', b'z', 97, 122, bytearray(b'cad')]:
        print(s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, 8), s.count(sub, 1, -1), end=' | ')
    print()
    print(s.index(b'c'), s.rindex(b'a'), s.index(100), s.rindex(b'bra', 0, 10), s.find(b'a', -3), s.find(b'a', 20))
    print(s.startswith(b'abr'), s.startswith(b'bra', 1), s.startswith((b'x', b'ab')), s.startswith(b''),
          s.endswith(b'bra'), s.endswith(b'cad', 0, 7), s.endswith((b'q', bytearray(b'ra'))), s.endswith(b'a', 0, 0))
    t(lambda: s.index(b'q'))
    t(lambda: s.rindex(120))
    t(lambda: s.find('a'))
    t(lambda: s.count(256))
    t(lambda: s.find())
    t(lambda: s.find(b'a', 'x'))
    t(lambda: s.startswith('a'))
    t(lambda: s.endswith(('a',)))
    t(lambda: s.startswith(97))
    t(lambda: s.find(b'a', start=1))
print(b'aaaa'.count(b'aa'), b''.count(b''), b'abc'.count(b''), b'abc'.find(b'', 3), b'abc'.find(b'', 4))
print(b'a\x00b'.find(0), bytearray(b'\xff\xfe').rfind(255), b'xyz'.index(b'z', None, None))
