"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y

For module specific errors, copy.Error is raised.

gilpy's version of CPython's Lib/copy.py. CPython reduces instances with __reduce_ex__(4) (from
copyreg); gilpy's objects have no __reduce_ex__, so _reduce_ex below computes what object.__reduce_ex__
would return. A class's own __reduce_ex__ or __reduce__ is used when it defines one.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass
error = Error   # backward compatibility


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}

def _copy_immutable(x):
    return x
for t in (type(None), int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          type(len), type(_copy_immutable), type(Ellipsis), type(NotImplemented)):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = lambda x: bytearray(x)   # (gilpy's bytearray has no copy method yet)

del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x
for t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
          bytes, str, type, range, property, type(len), type(_deepcopy_atomic)):
    d[t] = _deepcopy_atomic

def _deepcopy_method(x, memo): # Copy instance methods
    # CPython calls type(x)(x.__func__, deepcopy(x.__self__, memo)); gilpy's method type cannot be
    # called, so the method is looked up again on the copied instance (as method.__reduce__ does)
    return getattr(deepcopy(x.__self__, memo), x.__func__.__name__)

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

class _C:
    def _m(self): pass
d[type(_C()._m)] = _deepcopy_method
del _C

del d, t


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)]=[x]


def _newobj(cls, *args):
    # copyreg.__newobj__
    return cls.__new__(cls, *args)


def _slotnames(cls):
    # the names in the __slots__ of cls and its bases (cf. copyreg._slotnames)
    names = []
    for c in cls.__mro__:
        if "__slots__" in c.__dict__:
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                elif name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        names.append('_%s%s' % (stripped, name))
                    else:
                        names.append(name)
                else:
                    names.append(name)
    return names


class _C:
    def _m(self): pass
_method_type = type(_C()._m)
del _C


def _reduce(x):
    """What copy and deepcopy rebuild x from: the class's own __reduce_ex__(4) or __reduce__ when it
    defines one, else what object.__reduce_ex__(4) gives (cf. copyreg.reduce_newobj / __reduce_ex__)."""
    cls = type(x)
    if cls is _method_type:
        # method.__reduce__
        return (getattr, (x.__self__, x.__func__.__name__))
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(x, 4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None:
        return reductor(x)
    if isinstance(x, (set, frozenset)):
        # set.__reduce__: the items go through the constructor
        return (cls, (list(x),), getattr(x, '__dict__', None) or None)
    if cls.__module__ == 'builtins':
        raise TypeError(f"cannot pickle '{cls.__name__}' object")

    getnewargs = getattr(x, "__getnewargs__", None)
    if getnewargs is not None:
        args = getnewargs()
    elif isinstance(x, tuple):
        args = (tuple(x),)
    else:
        args = ()

    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        state = getattr(x, '__dict__', None) or None
        slots = _slotnames(cls)
        if slots:
            slotstate = {}
            for name in slots:
                if state is not None and name in state:
                    continue
                try:
                    slotstate[name] = getattr(x, name)
                except AttributeError:
                    pass
            if slotstate:
                state = (state, slotstate)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def _setstate(y, state):
    """Gives a rebuilt object its state: __setstate__, or its __dict__ and slots updated (what copy and
    pickle both do with a reduction's state)."""
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
    else:
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        else:
            slotstate = None
        if state is not None:
            y.__dict__.update(state)
        if slotstate is not None:
            for key, value in slotstate.items():
                setattr(y, key, value)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _setstate(y, state)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
