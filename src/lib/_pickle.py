"""The Python-level half of gilpy's pickler (the walk over built-in values is src/vm/proc/pickle.ts).

What CPython's C pickler (Modules/_pickle.c) does for functions, classes and instances: a global is
written by reference (module and qualified name) and must be found again under that name; an instance
is written through its reduction. The error types and messages are CPython 3.11's.
"""

import sys


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


def _whichmodule(obj, name):
    module = getattr(obj, '__module__', None)
    if module is not None:
        return module
    return '__main__'


def _global(obj):
    """(module, qualname) under which obj can be found again, or CPython's error."""
    name = getattr(obj, '__qualname__', None)
    if name is None:
        name = obj.__name__
    module_name = _whichmodule(obj, name)
    if module_name == 'builtins' and type(obj).__name__ == 'builtin_function_or_method':
        self = getattr(obj, '__self__', None)
        if self is not None and type(self).__name__ == 'module':
            module_name = self.__name__
    try:
        __import__(module_name)
        module = sys.modules[module_name]
    except ImportError:
        raise PicklingError(f"Can't pickle {obj!r}: import of module {module_name!r} failed") from None
    found = module
    for part in name.split('.'):
        if part == '<locals>':
            raise AttributeError(f"Can't pickle local object {name!r}")
        try:
            found = getattr(found, part)
        except AttributeError:
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {name} on {module_name} failed") from None
    if found is not obj:
        raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as {module_name}.{name}")
    return (module_name, name)


def _find_global(module_name, name):
    __import__(module_name)
    found = sys.modules[module_name]
    for part in name.split('.'):
        found = getattr(found, part)
    return found


def _newobj(cls, *args):
    # copyreg.__newobj__
    return cls.__new__(cls, *args)


class _C:
    def _m(self): pass
_method_type = type(_C()._m)
del _C


def _reduce(x):
    """What pickle writes x as: (callable, args, state, listitems, dictitems)."""
    cls = type(x)
    if cls is _method_type:
        return (getattr, (x.__self__, x.__func__.__name__), None, None, None)
    if cls is type:
        # save_type: the types of the singletons, which have no global name
        return (type, (_singleton_of[x],), None, None, None)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None:
        return _pad(reductor(x, 4), x)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None:
        return _pad(reductor(x), x)
    # what the built-in types' own __reduce__ give (gilpy's built-in types have none)
    if isinstance(x, BaseException):
        # BaseException.__reduce__: args and __dict__. gilpy keeps AttributeError's name and obj, and
        # NameError's name, in the __dict__; CPython keeps them in slots and does not pickle them (they
        # come back as None). ImportError's reduction adds name and path
        state = dict(getattr(x, '__dict__', None) or {})
        if isinstance(x, AttributeError):
            for key in ('name', 'obj'):
                if key in state:
                    state[key] = None
        elif isinstance(x, NameError) and 'name' in state:
            state['name'] = None
        elif isinstance(x, ImportError):
            for key in ('name', 'path'):
                value = getattr(x, key, None)
                if value is not None:
                    state[key] = value
        return (cls, x.args, state or None, None, None)
    if cls is range:
        return (range, (x.start, x.stop, x.step), None, None, None)
    if cls is slice:
        return (slice, (x.start, x.stop, x.step), None, None, None)
    if cls is complex:
        return (complex, (x.real, x.imag), None, None, None)
    if x is NotImplemented:
        return (_find_global, ('builtins', 'NotImplemented'), None, None, None)
    if cls is object:
        return (_newobj, (object,), None, None, None)
    if cls.__module__ in ('builtins', '_thread') and not isinstance(x, (set, frozenset)):
        qual = cls.__name__ if cls.__module__ == 'builtins' else f'{cls.__module__}.{cls.__name__}'
        raise TypeError(f"cannot pickle {qual!r} object")
    import copy
    rv = copy._reduce(x)
    func, args = rv[0], rv[1]
    if func is copy._newobj:
        func = _newobj
    return _pad((func, args) + tuple(rv[2:]), x)


_singleton_of = {type(None): None, type(NotImplemented): NotImplemented, type(...): ...}


def _pad(rv, obj):
    if isinstance(rv, str):
        # a global's name (save_global): the receiver finds it again by module and name
        module_name = _whichmodule(obj, rv)
        try:
            __import__(module_name)
            found = sys.modules[module_name]
            for part in rv.split('.'):
                found = getattr(found, part)
        except (ImportError, AttributeError):
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {rv} on {module_name} failed") from None
        if found is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as {module_name}.{rv}")
        return (_find_global, (module_name, rv), None, None, None)
    if not isinstance(rv, tuple) or not 2 <= len(rv) <= 5:
        raise PicklingError('__reduce__ must return a string or tuple')
    rv = rv + (None,) * (5 - len(rv))
    func, args, state, listitems, dictitems = rv
    if listitems is not None:
        listitems = list(listitems)
    if dictitems is not None:
        dictitems = list(dictitems)
    return (func, args, state, listitems, dictitems)


def _rebuild(func, args):
    return func(*args)


def _apply_state(y, state, listitems, dictitems):
    if state is not None:
        if isinstance(y, BaseException) and isinstance(state, dict) and not hasattr(y, '__setstate__'):
            # BaseException.__setstate__: each item set as an attribute
            for key, value in state.items():
                setattr(y, key, value)
        else:
            import copy
            copy._setstate(y, state)
    if listitems is not None:
        for item in listitems:
            y.append(item)
    if dictitems is not None:
        for key, value in dictitems:
            y[key] = value
