buttons = []
handlers = {"click": lambda f: f}


@buttons[0].clicked.connect
def on_click():
    pass


@handlers["click"]
def on_other():
    pass


@(lambda fn: fn)
def identity():
    pass


@x if (x := None) else (lambda f: f)
def conditional():
    pass


@a.b.c.d(1)(2)[3]
class Weird:
    pass
