def parse(lines):
    out = {}
    for line in lines:
        if (stripped := line.strip()) and not stripped.startswith("#"):
            if (eq := stripped.find("=")) != -1:
                out[stripped[:eq]] = (value := stripped[eq + 1:])
                print(value)
    return out


def gen():
    while (item := (yield)) is not None:
        print(item)
