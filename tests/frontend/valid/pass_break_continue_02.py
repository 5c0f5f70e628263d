def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, value in enumerate(row):
            if value != target:
                continue
            break
        else:
            continue
        break
    else:
        return None
    return r, c
