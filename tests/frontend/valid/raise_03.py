import sys

errors = [TypeError, KeyError]
try:
    raise errors[0]("bad type")
except TypeError as e:
    try:
        raise KeyError("k") from e
    except KeyError:
        raise RuntimeError() from (e if e else None)
finally:
    if sys.exc_info()[0]:
        raise SystemExit(1)
