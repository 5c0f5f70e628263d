# printf-style formatting of bytes and bytearray
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(b'%s and %b' % (b'bytes', bytearray(b'array')))
print(b'%d|%5d|%-5d|%05d|%+d|% d|%i|%u' % (42, 42, 42, 42, 42, 42, -3, 7))
print(b'%x|%X|%#x|%o|%#o|%08.3f|%e|%g|%.2f' % (255, 255, 255, 8, 8, 3.14159, 12345.678, 0.0001, 2.005))
print(b'%c%c%c' % (65, b'B', bytearray(b'C')), b'%%|%5s|%-5s|%.2s|' % (b'ab', b'cd', b'efgh'))
print(b'%r %a' % (b'x', 'é'), b'%(name)s is %(age)d' % {b'name': b'Bob', b'age': 30})
print(bytearray(b'%s!') % b'hi', type(bytearray(b'%s') % b'x').__name__, b'no args' % (), b'%s' % (b'single',))
print(b'%d' % True, b'%x' % 3.0 if False else b'', b'%.3s' % b'abcdef', b'%*d|%-*d' % (4, 1, 4, 2))
class WithBytes:
    def __bytes__(self):
        return b'custom'
print(b'[%s]' % WithBytes())
t(lambda: b'%s' % 'str')
t(lambda: b'%s' % 3)
t(lambda: b'%c' % 256)
t(lambda: b'%c' % -1)
t(lambda: b'%c' % b'ab')
t(lambda: b'%c' % 'a')
t(lambda: b'%d %d' % (1,))
t(lambda: b'%d' % (1, 2))
t(lambda: b'x' % 5)
t(lambda: b'%d' % b'1')
t(lambda: b'%x' % 1.5)
t(lambda: b'%y' % 1)
t(lambda: b'%(k)s' % {b'j': 1})
t(lambda: b'%(k)s' % (1,))
t(lambda: b'%' % ())
