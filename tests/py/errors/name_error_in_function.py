# NameError raised inside a function, for a global that does not exist.
def area(w, h):
    print("computing area of", w, "by", h)
    return w * h * scale_factor


print(area.__name__)
for size in [1, 2]:
    print("size", size)
print(area(2, 3))
