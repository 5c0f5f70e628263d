# indexing (ints), slicing with steps, iteration and membership of bytes and bytearray
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in [b'hello world', bytearray(b'hello world')]:
    print(s[0], s[-1], s[4], type(s[0]).__name__)
    print(s[2:5], s[:3], s[8:], s[-5:-1], s[::2], s[::-1], s[1::3], s[-2::-4], s[5:2], s[100:])
    print(type(s[1:2]).__name__, len(s[3:3]))
    print(list(s[:5]), [c for c in s if c > 110], sum(s), max(s), min(s))
    print(list(reversed(s[:4])), sorted(s[:5]), list(enumerate(s[:3])))
    print(b'o' in s, b'wor' in s, b'' in s, b'xyz' in s, 111 in s, 0 in s, bytearray(b'ld') in s)
    print(s.__len__(), s.__getitem__(1), s.__contains__(b'h'))
    t(lambda: s[11])
    t(lambda: s[-12])
    t(lambda: s['a'])
    t(lambda: s[1.0])
    t(lambda: 300 in s)
    t(lambda: -1 in s)
    t(lambda: 'o' in s)
    t(lambda: s[::0])
it = iter(b'ab')
print(next(it), next(it), next(it, 'done'))
ba = bytearray(b'xyz')
it = iter(ba)
print(next(it))
ba[1] = 65
print(next(it))
ba.append(66)
print(list(it), list(it))
print(bool(b''), bool(b'\x00'), bool(bytearray()), bool(bytearray(1)))
print(b'abc'[True], b'abc'[False:True])
