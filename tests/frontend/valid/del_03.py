def cleanup(cache, keys):
    temp = list(keys)
    for k in temp:
        del cache[k]
    del temp
    grid = [[1, 2], [3, 4]]
    del grid[0][1], grid[1][:]
    return cache


def forget():
    value = 10
    print(value)
    del value
