# concatenation, repetition, the six comparisons between bytes and bytearray, hashing
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a, b = b'abc', bytearray(b'abd')
print(a + a, a + b, b + a, b + b, type(a + b).__name__, type(b + a).__name__)
print(a * 3, 2 * a, b * 2, 0 * b, a * -5, type(3 * b).__name__)
pairs = [(b'abc', b'abd'), (b'abc', b'ab'), (b'', b''), (b'\xff', b'\x00\x00'), (b'a', b'a')]
for x, y in pairs:
    for p, q in [(x, y), (bytearray(x), y), (x, bytearray(y)), (bytearray(x), bytearray(y))]:
        print(p < q, p <= q, p == q, p != q, p > q, p >= q, end=' | ')
    print()
print(b'a' == 'a', bytearray(b'a') == 'a', b'a' != 'a', b'1' == 1, bytearray(b'') == [])
t(lambda: b'a' < 'a')
t(lambda: bytearray(b'a') >= 1)
t(lambda: b'a' + 'a')
t(lambda: bytearray(b'a') + 'a')
t(lambda: b'a' + 1)
t(lambda: 'a' + b'a')
t(lambda: b'a' * 1.5)
t(lambda: bytearray(b'a') * 'x')
t(lambda: b'a' - b'a')
print(hash(b'abc') == hash(b'abc'), hash(b'abc') == hash(bytes(bytearray(b'abc'))), hash(b'') == hash(b''))
t(lambda: hash(bytearray(b'abc')))
t(lambda: {bytearray(b'k'): 1})
t(lambda: {b'x', bytearray(b'x')})
d = {b'k': 1, b'\x00': 2}
print(d[b'k'], d[bytes(bytearray(b'\x00'))], b'k' in d, len({b'a', b'a', b'b'}))
print(sorted([b'b', b'a', b'ab', b'', b'\xff']), max(bytearray(b'z'), b'y'))
x = b'same'
print(x * 1 is x, x + b'' == x, (x[:] is x))
e = b''
print(x + e is x, e + x is x, bytearray(x) + e is x, x.upper() is x, x.lower() is x, x.expandtabs() is x)
print(x.split()[0] is x, x.partition(b'q')[0] is x, x.rpartition(b'q')[2] is x, b''.join([x]) is x, b'-'.join([x, x]) is x)
print(bytearray(x).split()[0] is x, bytearray().join([x]) is x, type(bytearray().join([x])).__name__)
