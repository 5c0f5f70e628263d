def read(path):
    try:
        fh = open(path)
    except OSError:
        return None
    else:
        data = fh.read()
        fh.close()
        return data
    finally:
        print("attempted", path)
