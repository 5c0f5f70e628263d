def copy(src_path, dst_path, *, lock):
    with lock:
        with open(src_path, "rb") as src:
            with open(dst_path, "wb") as dst:
                while chunk := src.read(4096):
                    dst.write(chunk)
    with open(src_path) as a, \
         open(dst_path) as b:
        return a.read() == b.read()
