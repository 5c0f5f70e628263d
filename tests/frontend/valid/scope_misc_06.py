def star_imports_not_allowed_here():
    import os.path
    import xml.etree.ElementTree as ET
    from . import sibling
    return os, ET, sibling


def nested_global_nonlocal():
    g = 1

    def a():
        global g
        g = 2

        def b():
            return g

        return b

    def c():
        nonlocal g
        g = 3

    return a, c
