class Resource:
    def __enter__(self): return self
    def __exit__(self, *exc): return False


def use():
    r = Resource()
    try:
        r.__enter__()
        try:
            return 1
        finally:
            r.__exit__(None, None, None)
    except Exception as e:
        e2 = e
        return e2
    else:
        pass
