# TypeError: a required positional argument is missing.
def rect(width, height):
    return width * height


print(rect(2, 3))
print(rect(width=4, height=5))
print(rect(7, height=1))
print("calling with one argument")
print(rect(2))
