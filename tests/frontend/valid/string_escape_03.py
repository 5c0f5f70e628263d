# Escapes in bytes
nul = b"\x00"
mixed = b"\x00\xff\n\t\\\'\"\a\b\f\v\r\0\101\7"
high = b"\xde\xad\xbe\xef"
backslash_u = b"\u00e9"
backslash_n = b"\N{BULLET}"
cont = b"abc\
def"
triple = b"""line1
line2\x00"""
