# TypeError: unexpected keyword argument.
def greet(name, greeting="hello"):
    return greeting + ", " + name


print(greet("ana"))
print(greet("bo", greeting="hi"))
print(greet(name="cy"))
print("passing an unknown keyword")
print(greet("di", salutation="hey"))
