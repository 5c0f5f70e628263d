def factory(base, **kw):
    class Product(base, **kw):
        made_by = factory
        size = kw.get("size", 0)

        def __init_subclass__(cls, /, tag=None, **rest):
            super().__init_subclass__(**rest)
            cls.tag = tag

    return Product


Widget = factory(object)


class Gadget(factory(object), tag="g"):
    pass
