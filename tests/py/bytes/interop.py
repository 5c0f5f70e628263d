# bytearray with the rest of the language: int()/float()/ord()/str(), sorting, subclasses with __init__
import sys
ba = bytearray(b'12')
print(int(ba), float(bytearray(b'1.5')), int(bytearray(b'ff'), 16), ord(bytearray(b'a')), str(bytearray(b'\xc3\xa9'), 'utf-8'))
print(int(b' 42 '), float(b'-2.5e3'), int(b'0x1f', 0), ord(b'\xff'))
print(list(reversed(bytearray(b'abc'))), sorted(bytearray(b'cab')), bytearray(b'abc') in [b'abc'], b'abc' in [bytearray(b'abc')])
print(sys.getrefcount(ba) >= 2, len(bytearray(1000)), bytearray(1000).count(0))
x = bytearray()
for i in range(300):
    x.append(i % 256)
print(len(x), x[-1], x[255], bytes(x[:10]))
while x:
    x.pop()
print(x, len(x))
class S(bytearray):
    def __init__(self, n, tag):
        super().__init__(n)
        self.extend(tag)
s = S(3, b'!')
print(s, len(s), type(s).__name__, s.upper(), isinstance(s, bytearray))
class P(bytearray):
    pass
p = P(b'pq')
p.append(114)
p[0] = 80
print(p, p == b'Pqr', p.copy(), type(p.copy()).__name__)
class B(bytes):
    def shout(self):
        return self.upper() + b'!'
b = B(b'hi')
print(b, b.shout(), type(b).__name__, b + b'x', type(b + b'x').__name__, hash(b) == hash(b'hi'))
try:
    sum([bytearray(b'a')], bytearray())
except TypeError as e:
    print(e)
try:
    int(bytearray(b"1x"))
except ValueError as e:
    print(e)
try:
    float(bytearray(b"1x"))
except ValueError as e:
    print(e)
print(max(b'abc'), b'abc'.__getitem__(slice(None, None, -1)), bytearray(b'abc').__getitem__(0))
print(bytes(bytearray(b'q')) == b'q', bytearray(b'abc').decode() == 'abc', [bytes([i]) for i in bytearray(b'ab')])
print(b'-'.join(bytes([c]) for c in b'xyz'), bytearray(b'  ').join([b'1', b'2']), {b: 1 for b in [b'k']})
