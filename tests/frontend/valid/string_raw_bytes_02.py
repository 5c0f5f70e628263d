import struct

header = b"\x89PNG\r\n\x1a\n"
magic, = struct.unpack(b">I", header[:4])
packed = struct.pack("<hhl", 1, 2, 3)
payload = b"" + b"abc" + bytes([0, 1])
joined = b"a" b"b" b'c'
raw_joined = rb"\d" b"\d" br'\x'
empty_bytes = b''
triple_bytes = b'''multi
line'''
