# hex() with separators and fromhex() as a class method of bytes and bytearray
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in [b'', b'\x00', b'\x01\x23\x45\x67\x89\xab\xcd\xef', bytearray(b'hello world')]:
    print(s.hex(), s.hex(':'), s.hex(b'-'), s.hex(' ', 2), s.hex('_', -3), s.hex(sep='.', bytes_per_sep=4))
t(lambda: b'ab'.hex(''))
t(lambda: b'ab'.hex('::'))
t(lambda: b'ab'.hex('é'))
t(lambda: b'ab'.hex(1))
for T in [bytes, bytearray]:
    print(T.fromhex(''), T.fromhex('00ff'), T.fromhex(' 01 02  0A0b\n'), T.fromhex('DEADbeef'))
    print(type(T.fromhex('01')).__name__, T.fromhex('41 42') == b'AB')
    t(lambda: T.fromhex('0'))
    t(lambda: T.fromhex('0g'))
    t(lambda: T.fromhex('zz'))
    t(lambda: T.fromhex(' 1 2'))
    t(lambda: T.fromhex(b'00'))
    t(lambda: T.fromhex())
print(bytes.fromhex(b'\x01\xfe'.hex()) == b'\x01\xfe', b'abc'.fromhex('41'))
class MyBytes(bytes):
    pass
m = MyBytes.fromhex('4142')
print(m, type(m).__name__)
