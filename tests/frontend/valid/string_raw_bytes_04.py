def encode(s: str) -> bytes:
    return s.encode("utf-8") + b"\0"


def decode(b: bytes = b"default\xff") -> str:
    return b.decode("latin-1")


prefix_u = u'x' 'y' u"z"
plain_then_u = 'x' u'y'
u_only = u''
