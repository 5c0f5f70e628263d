def greet(*names, punct="!"):
    joined = ", ".join(f"{n.title()}" for n in names)
    return f"Hello, {joined}{punct}"


args = ("ann", "bob")
kwargs = {"punct": "?"}
print(f"{greet(*args, **kwargs)}")
print(f"{greet(*args, punct='.')!r:>30}")
print(f"{args[0]}{args[-1]}" f"{len(args)}")
print(f"{ args }", f"{  kwargs  = }")
