import contextlib


class App:
    def route(self, path, **opts):
        return lambda f: f


app = App()


@app.route("/", methods=["GET"])
@contextlib.contextmanager
def index():
    yield "home"


@(app.route)("/about")
def about(): return "about"


@[d for d in [staticmethod]][0]
def listcomp_decorator(): pass


@not_a_call_but_a_name
@decorators[-1]
def last(): pass
