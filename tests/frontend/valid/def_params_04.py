def sort_by(items, key=lambda x: x, reverse=False):
    return sorted(items, key=key, reverse=reverse)


def apply(fn=lambda *a, **k: (a, k), /, *, on_error=lambda e=None: None):
    try:
        return fn()
    except Exception as e:
        return on_error(e)


def mutable_default(bucket=[], mapping={}, s={1, 2}, t=(1,)):
    bucket.append(len(bucket))
    return bucket, mapping, s, t
