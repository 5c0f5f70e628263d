# decode / encode in utf-8, ascii and latin-1 with the strict, ignore and replace handlers
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

texts = ['plain', 'héllo', 'naïve €', 'emoji 😀!', '\x00\x7f\x80\xff']
for s in texts:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['strict', 'ignore', 'replace']:
            t(lambda: s.encode(enc, err))
raw = [b'plain', b'h\xc3\xa9llo', b'\xff\xfe', b'ab\x80cd', b'\xe2\x82', b'\xf0\x9f\x98\x80', b'\xed\xa0\x80', b'\xc0\xaf']
for b in raw:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['strict', 'ignore', 'replace']:
            t(lambda: b.decode(enc, err))
            t(lambda: bytearray(b).decode(encoding=enc, errors=err))
print(b'abc'.decode(), bytearray(b'\xc3\xa9').decode(), 'x'.encode(), type('x'.encode()).__name__)
print(b'UTF8'.decode('UTF8'), b'x'.decode('latin1'), b'y'.decode('iso-8859-1'), b'z'.decode('us-ascii'))
try:
    b'ab\xffcd'.decode('ascii')
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    'a€b'.encode('latin-1')
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
t(lambda: b'x'.decode('nope'))
t(lambda: b'x'.decode('utf-8', 'bogus') + b'\xff'.decode('utf-8', 'bogus'))
t(lambda: b'x'.decode(1))
t(lambda: str(b'\xc3\xa9', 'utf-8'))
t(lambda: str(bytearray(b'\xc3\xa9'), 'utf-8'))
t(lambda: str(bytearray(b'ab\xff'), 'ascii', 'replace'))
