ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def encode_str(s):
    out = []
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dumps(obj, indent=2, _level=0):
    pad, inner = " " * (indent * _level), " " * (indent * (_level + 1))
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return ("false", "true")[obj]
    if isinstance(obj, (int, float)):
        return repr(obj) if obj == obj and obj not in (float("inf"), -float("inf")) else "null"
    if isinstance(obj, str):
        return encode_str(obj)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = (f"{inner}{encode_str(str(k))}: {dumps(v, indent, _level + 1)}" for k, v in obj.items())
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[\n" + ",\n".join(inner + dumps(v, indent, _level + 1) for v in obj) + f"\n{pad}]"
    raise TypeError(f"not serialisable: {type(obj).__name__}")


print(dumps({"a": [1, 2.5, None, True], "b": {"c": "x\ny"}, "d": []}))
