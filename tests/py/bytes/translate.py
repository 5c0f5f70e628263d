# bytes.maketrans and translate (with a table, None, and bytes to delete)
def t(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
tb = bytes.maketrans(b'abc', b'xyz')
print(len(tb), tb[97:100], bytearray.maketrans(b'', b'') == bytes(range(256)), type(bytearray.maketrans(b'a', b'b')).__name__)
print(b'aabbcc'.translate(tb), bytearray(b'abcd').translate(tb, b'd'), b'hello'.translate(None, b'l'), b'x'.translate(None, delete=b'x'))
t(lambda: bytes.maketrans(b'ab', b'c'))
t(lambda: bytes.maketrans('a', 'b'))
t(lambda: b'a'.translate(b'short'))
t(lambda: b'a'.translate())
t(lambda: b'a'.translate(None, b'a', b'b'))
t(lambda: b'a'.translate(table=None))
t(lambda: b'a'.translate(None, 'a'))
x = b'keep'
print(x.translate(None) is x)
