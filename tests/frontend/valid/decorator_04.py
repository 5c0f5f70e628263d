registry = {}


def register(name=None, *, kind="plain"):
    def deco(obj):
        registry[name or obj.__name__] = (kind, obj)
        return obj
    return deco


@register()
@register("alias", kind="class")
class Plugin:
    @register(kind="method")
    def run(self):
        return registry


@register
def bare(): pass
