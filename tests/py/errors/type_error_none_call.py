# TypeError: 'NoneType' object is not callable.
def get_handler(kind):
    if kind == "print":
        return print
    return None


h = get_handler("print")
h("handler works")
h = get_handler("other")
print("handler is", h)
h("boom")
