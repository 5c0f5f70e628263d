# bytes(...) and bytearray(...) from every kind of source, with CPython's errors
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for T in [bytes, bytearray]:
    print(T(), T(0), T(3), T([1, 2, 255]), T((65, 66)), T(range(97, 100)), T(b'xy'), T(bytearray(b'zz')))
    print(T('héllo', 'utf-8'), T('abc', 'ascii'), T('é', 'latin-1'), T('é', encoding='utf-8'))
    print(T('aéb', 'ascii', 'ignore'), T('aéb', 'ascii', 'replace'), T(source=b'kw'))
    print(T(x * 2 for x in range(5)), T(iter([7, 8])), T({3: 'a'}), T(True))
    t(lambda: T(-1))
    t(lambda: T([256]))
    t(lambda: T([-1]))
    t(lambda: T(['a']))
    t(lambda: T([1.0]))
    t(lambda: T('text'))
    t(lambda: T(3.5))
    t(lambda: T(None))
    t(lambda: T(5, 'utf-8'))
    t(lambda: T(b'x', 'utf-8'))
    t(lambda: T(errors='strict'))
    t(lambda: T('é', 'ascii'))
    t(lambda: T('x', 'nope'))
    t(lambda: T(1, 2, 3, 4))
    t(lambda: T(foo=1))
class WithBytes:
    def __bytes__(self):
        return b'from __bytes__'
class BadBytes:
    def __bytes__(self):
        return 'str'
print(bytes(WithBytes()))
t(lambda: bytes(BadBytes()))
b = b'keep'
print(bytes(b) is b, bytearray(b) == b, bytearray(b) is bytearray(b))
ba = bytearray(b'src')
c = bytearray(ba)
c[0] = 0
print(ba, c)
class MyArray(bytearray):
    pass
m = MyArray(b'abc')
print(m, type(m).__name__, m + b'd', type(m + b'd').__name__, type(m[0:1]).__name__, type(m.upper()).__name__)
print(bytes.__new__(bytes, b'n'), bytearray.fromhex('01 02'), MyArray.fromhex('ff'))
