class Meta(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        return cls


class WithMeta(metaclass=Meta):
    def method(self):
        return __class__, super()

    def __init_subclass__(cls):
        pass


def uses_super_name_only():
    super = print
    return super


def free_class_var():
    x = 1

    class C:
        x = x
        y = x

        def f(self):
            return x

    return C
