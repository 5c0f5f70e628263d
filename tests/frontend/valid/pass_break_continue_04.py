for line in open(__file__):
    line = line.strip()
    if not line: continue
    if line.startswith("#"): pass
    elif line == "END": break
    else:
        try:
            int(line)
        except ValueError:
            continue
        finally:
            pass
