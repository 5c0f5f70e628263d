x = "global"


class C:
    x = "class"
    y = x

    def method(self):
        return x

    def uses_class_attr(self):
        return self.x, C.x

    z = [x for _ in range(1)]
    w = (lambda: x)()
