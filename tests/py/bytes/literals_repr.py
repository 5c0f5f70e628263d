# bytes literals and the reprs of bytes and bytearray: escapes and the choice of quotes
samples = [b'', b'abc', b"it's", b'say "hi"', b'both \' and "', b'\x00\x01\x7f\x80\xff',
           b'\t\n\r\x0b\x0c', b'back\\slash', rb'raw\n\x00', b'A' b'B' b'C', b'\x41\102']
for s in samples:
    print(repr(s), len(s), str(s) == repr(s))
    ba = bytearray(s)
    print(repr(ba), len(ba), str(ba) == repr(ba))
print(b'\\x41' == b'\x5cx41', len(b'\\'), len(rb'\\'))
print(bytes(range(32)))
print(bytes(range(120, 256)))
print(bytearray(range(0, 256, 17)))
print([b'a', bytearray(b'b'), (b'c',)])
print('%s|%r' % (b'x', bytearray(b'y')))
print(f'{b"abc"}|{bytearray(b"d")!r}|{b"e"!s:>8}|')
class MyBytes(bytes):
    pass
class MyArray(bytearray):
    pass
print(repr(MyBytes(b'xy')), repr(MyArray(b'xy')), repr(MyArray()))
print(type(MyBytes(b'a')).__name__, type(MyArray(b'a')).__name__)
print(isinstance(MyArray(b'a'), bytearray), isinstance(b'', bytearray), isinstance(bytearray(), bytes))
print(type(b''), type(bytearray()), bytes.__name__, bytearray.__name__)
