class Outer:
    name = "outer"

    def method(self):
        name = "method"

        class Inner:
            label = name

            def show(self):
                return name, __class__

        return Inner

    class Nested:
        def m(self):
            return super().m() if hasattr(super(), "m") else None


class __class__Holder:
    __class__ = 1

    def f(self):
        return __class__
