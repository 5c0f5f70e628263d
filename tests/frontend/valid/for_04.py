def flatten(nested):
    out = []
    for sub in nested:
        for item in sub:
            if isinstance(item, list):
                for inner in flatten(item):
                    out.append(inner)
            else:
                out.append(item)
        else:
            continue
    else:
        return out
