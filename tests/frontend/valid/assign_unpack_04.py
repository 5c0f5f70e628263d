def parse_header(line):
    key, _, value = line.partition(":")
    key, value = key.strip().lower(), value.strip()
    (major, minor), patch = divmod(len(key), 10), 0
    *words, = value.split()
    return key, value, major, minor, patch, words


records = [("ann", 31, ("x", "y")), ("bob", 27, ("z", "w"))]
for name, age, (tag, *others) in records:
    print(name, age, tag, others)
