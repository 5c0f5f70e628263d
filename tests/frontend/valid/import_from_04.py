def plugin_loader(name):
    from importlib import import_module
    from .plugins import registry as reg
    from ..core.base import (Base,
                             Mixin as M)
    mod = import_module(name)
    return reg, Base, M, mod


class Lazy:
    from functools import partial, reduce
