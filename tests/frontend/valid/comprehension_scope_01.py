def f(data, factor):
    result = [x * factor for x in data]
    pairs = [(x, y) for x in data for y in range(factor)]
    nested = [[y for y in range(x)] for x in data]
    return result, pairs, nested


module_level = [n for n in range(3)]
n = "unaffected by the comprehension variable"
