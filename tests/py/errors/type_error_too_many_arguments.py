# TypeError: too many positional arguments.
def pair(a, b):
    return (a, b)


print(pair(1, 2))
print(pair("x", b="y"))
args = [1, 2, 3]
print("calling with", len(args), "arguments")
print(pair(1, 2, 3))
