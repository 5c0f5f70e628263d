"""Container datatypes: deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap, UserDict, UserList.

gilpy's version of CPython's Lib/collections/__init__.py (whose deque and defaultdict are written in C,
in Modules/_collectionsmodule.c). The behaviour, error messages and reprs follow CPython 3.11.
"""

import sys as _sys

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'defaultdict', 'deque',
           'namedtuple']


def _index(n):
    """operator.index(n): n as an int, or TypeError."""
    if isinstance(n, int):
        return int(n)
    try:
        method = type(n).__index__
    except AttributeError:
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer") from None
    return method(n)


# The objects whose repr is being computed, by id: a container met again inside its own repr prints as
# '...' (cf. Py_ReprEnter / reprlib.recursive_repr).
_repr_running = set()


################################################################################
### deque
################################################################################

class deque:
    """deque([iterable[, maxlen]]) --> deque object

A list-like sequence optimized for data accesses near its endpoints."""

    # A ring buffer: the items are _buf[(_head + i) & _mask] for i in range(_len); the buffer's length is
    # a power of two, doubled when full. _state counts mutations, so that iterators notice them.
    __slots__ = ('_buf', '_mask', '_head', '_len', '_maxlen', '_state', '_lock')  # _lock: no-GIL mode only

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._buf = [None] * 8
        self._mask = 7
        self._head = 0
        self._len = 0
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    # ---- the ring buffer ----
    def _grow(self):
        items = list(self)
        size = len(self._buf) * 2
        self._buf = items + [None] * (size - len(items))
        self._mask = size - 1
        self._head = 0

    def _slot(self, i):
        """The buffer position of item i (0 <= i < len), counted from the left."""
        return (self._head + i) & self._mask

    def _checked_index(self, i):
        i = _index_of(i)
        if i < 0:
            i += self._len
        if i < 0 or i >= self._len:
            raise IndexError('deque index out of range')
        return i

    # ---- adding and removing at the ends ----
    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        if self._maxlen is not None and self._len >= self._maxlen:
            if self._maxlen == 0:
                return
            self._popleft()
        if self._len == len(self._buf):
            self._grow()
        self._buf[(self._head + self._len) & self._mask] = x
        self._len += 1

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        if self._maxlen is not None and self._len >= self._maxlen:
            if self._maxlen == 0:
                return
            self._pop()
        if self._len == len(self._buf):
            self._grow()
        self._head = (self._head - 1) & self._mask
        self._buf[self._head] = x
        self._len += 1

    def _pop(self):
        self._len -= 1
        i = (self._head + self._len) & self._mask
        x = self._buf[i]
        self._buf[i] = None
        return x

    def _popleft(self):
        x = self._buf[self._head]
        self._buf[self._head] = None
        self._head = (self._head + 1) & self._mask
        self._len -= 1
        return x

    def pop(self):
        """Remove and return the rightmost element."""
        if self._len == 0:
            raise IndexError('pop from an empty deque')
        self._state += 1
        return self._pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        if self._len == 0:
            raise IndexError('pop from an empty deque')
        self._state += 1
        return self._popleft()

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._buf = [None] * 8
        self._mask = 7
        self._head = 0
        self._len = 0

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."""
        n = _index(n)
        size = self._len
        if size <= 1:
            return
        n %= size
        # whichever direction moves fewer items
        if n <= size // 2:
            for _ in range(n):
                # the rightmost item moves to the left end
                right = self._slot(size - 1)
                x = self._buf[right]
                self._buf[right] = None
                self._head = (self._head - 1) & self._mask
                self._buf[self._head] = x
        else:
            for _ in range(size - n):
                # the leftmost item moves to the right end
                x = self._buf[self._head]
                self._buf[self._head] = None
                self._head = (self._head + 1) & self._mask
                self._buf[self._slot(size - 1)] = x

    # ---- the sequence protocol ----
    def __len__(self):
        return self._len

    def __bool__(self):
        return self._len > 0

    def __getitem__(self, i):
        return self._buf[(self._head + self._checked_index(i)) & self._mask]

    def __setitem__(self, i, x):
        self._buf[(self._head + self._checked_index(i)) & self._mask] = x

    def __delitem__(self, i):
        i = self._checked_index(i)
        self.rotate(-i)
        self.popleft()
        self.rotate(i)

    def __iter__(self):
        state = self._state
        for i in range(self._len):
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
            yield self._buf[(self._head + i) & self._mask]
        if self._state != state:
            raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        state = self._state
        for i in range(self._len - 1, -1, -1):
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
            yield self._buf[(self._head + i) & self._mask]

    def __contains__(self, x):
        for y in self:
            if y is x or y == x:
                return True
        return False

    def count(self, x):
        """Return number of occurrences of value."""
        n = 0
        for y in self:
            if y is x or y == x:
                n += 1
        return n

    def index(self, x, start=0, stop=_sys.maxsize):
        """Return first index of value.

Raises ValueError if the value is not present."""
        size = self._len
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        state = self._state
        for i in range(start, min(stop, size)):
            y = self._buf[self._slot(i)]
            if y is x or y == x:
                return i
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{x!r} is not in deque')

    def insert(self, i, x):
        """Insert value before index."""
        if self._maxlen is not None and self._len >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        size = self._len
        i = _index(i)
        if i < 0:
            i = max(i + size, 0)
        if i >= size:
            self.append(x)
            return
        self.rotate(-i)
        self.appendleft(x)
        self.rotate(i)

    def remove(self, value):
        """Remove first occurrence of value."""
        for i in range(self._len):
            y = self._buf[self._slot(i)]
            if y is value or y == value:
                del self[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    def reverse(self):
        """Reverse *IN PLACE*"""
        items = list(self)
        items.reverse()
        self.clear()
        for x in items:
            self.append(x)

    def copy(self):
        """Return a shallow copy of a deque."""
        if type(self) is deque:
            return deque(self, self._maxlen)
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def __reduce__(self):
        # what the copy module rebuilds a deque from: its class, maxlen, a subclass's attributes, items
        state = {k: v for k, v in getattr(self, '__dict__', {}).items() if k not in deque.__slots__}
        args = () if self._maxlen is None else ((), self._maxlen)
        return type(self), args, state or None, iter(self)

    # ---- operators ----
    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if n <= 0:
            self.clear()
            return self
        items = list(self)
        for _ in range(n - 1):
            self.extend(items)
        return self

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self), list(other))

    def __eq__(self, other):
        return self._compare(other, _eq)

    def __ne__(self, other):
        return self._compare(other, _ne)

    def __lt__(self, other):
        return self._compare(other, _lt)

    def __le__(self, other):
        return self._compare(other, _le)

    def __gt__(self, other):
        return self._compare(other, _gt)

    def __ge__(self, other):
        return self._compare(other, _ge)

    def __hash__(self):
        # CPython's deque is a C type, whose name in messages is qualified
        raise TypeError("unhashable type: 'collections.deque'")

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            items = repr(list(self))
        finally:
            _repr_running.discard(key)
        if self._maxlen is None:
            return f'{type(self).__name__}({items})'
        return f'{type(self).__name__}({items}, maxlen={self._maxlen})'

    def __class_getitem__(cls, item):
        return cls


def _index_of(i):
    if not isinstance(i, int):
        try:
            method = type(i).__index__
        except AttributeError:
            raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'") from None
        return method(i)
    return i


def _eq(a, b): return a == b
def _ne(a, b): return a != b
def _lt(a, b): return a < b
def _le(a, b): return a <= b
def _gt(a, b): return a > b
def _ge(a, b): return a >= b


def _lock_deques():
    """No-GIL mode (-X gil=0): every method of a deque that reads or changes its ring buffer runs holding
    the deque's own reentrant lock, as CPython 3.13's deque methods run in the deque's critical section,
    so that several threads appending, popping, rotating and indexing one deque keep it consistent.
    (Iterating a deque holds no lock between items: a change meanwhile raises RuntimeError, as with the
    GIL.) With the GIL nothing is wrapped."""
    import _thread
    new_lock = _thread.RLock
    making = _thread.allocate_lock()

    def lock_of(d):
        try:
            return d._lock
        except AttributeError:
            with making:
                try:
                    return d._lock
                except AttributeError:
                    d._lock = lock = new_lock()
                    return lock

    def locked(f):
        def method(self, *args, **kwargs):
            with lock_of(self):
                return f(self, *args, **kwargs)
        method.__name__ = f.__name__
        method.__qualname__ = f.__qualname__
        method.__doc__ = f.__doc__
        return method

    for name in ('__init__', 'append', 'appendleft', 'pop', 'popleft', 'extend', 'extendleft', 'clear',
                 'rotate', '__getitem__', '__setitem__', '__delitem__', 'count', 'index', 'insert', 'remove',
                 'reverse', 'copy', '__add__', '__iadd__', '__mul__', '__imul__', '__repr__', '__reduce__'):
        setattr(deque, name, locked(deque.__dict__[name]))


if not _sys._is_gil_enabled():
    _lock_deques()


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwds)
        self.default_factory = default_factory

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.defaultdict'")

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        key = id(factory)
        if key in _repr_running:
            factory_repr = '...'
        else:
            _repr_running.add(key)
            try:
                factory_repr = repr(factory)
            finally:
                _repr_running.discard(key)
        return f'{type(self).__name__}({factory_repr}, {dict.__repr__(self)})'

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __class_getitem__(cls, item):
        return cls


################################################################################
### OrderedDict
################################################################################

class _OrderedDictView:
    # the odict_keys / odict_values / odict_items views: live views of the dict, in its order
    _name = ''

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{self._name}({list(self)!r})'


class _OrderedDictKeysView(_OrderedDictView):
    _name = 'odict_keys'

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return _set_like_eq(self, other)

    def __and__(self, other):
        return set(self) & set(other)

    def __or__(self, other):
        return set(self) | set(other)

    def __sub__(self, other):
        return set(self) - set(other)

    def __xor__(self, other):
        return set(self) ^ set(other)


class _OrderedDictValuesView(_OrderedDictView):
    _name = 'odict_values'

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield dict.__getitem__(m, key)

    def __reversed__(self):
        m = self._mapping
        for key in reversed(m):
            yield dict.__getitem__(m, key)


class _OrderedDictItemsView(_OrderedDictView):
    _name = 'odict_items'

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield (key, dict.__getitem__(m, key))

    def __reversed__(self):
        m = self._mapping
        for key in reversed(m):
            yield (key, dict.__getitem__(m, key))

    def __contains__(self, item):
        key, value = item
        m = self._mapping
        if key not in m:
            return False
        v = dict.__getitem__(m, key)
        return v is value or v == value

    def __eq__(self, other):
        return _set_like_eq(self, other)


def _set_like_eq(view, other):
    # keys and items views compare as sets with sets and the other set-like views
    if not isinstance(other, (set, frozenset, _OrderedDictKeysView, _OrderedDictItemsView,
                              KeysView, type({}.keys()), type({}.items()))):
        return NotImplemented
    return len(view) == len(other) and all(x in other for x in view)


class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    # gilpy's dicts keep insertion order already: OrderedDict adds reordering, and equality that
    # looks at the order.

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

Pairs are returned in LIFO order if last is true or FIFO order if false."""
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

Raise KeyError if the element does not exist."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(self.items())
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def keys(self):
        """D.keys() -> a set-like object providing a view on D's keys"""
        return _OrderedDictKeysView(self)

    def values(self):
        """D.values() -> an object providing a view on D's values"""
        return _OrderedDictValuesView(self)

    def items(self):
        """D.items() -> a set-like object providing a view on D's items"""
        return _OrderedDictItemsView(self)

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return f'{type(self).__name__}({list(self.items())!r})'
        finally:
            _repr_running.discard(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict(self) == dict(other) and list(self) == list(other)
        if isinstance(other, dict):
            return dict(self) == other
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        'Return state information for pickling'
        state = dict(getattr(self, '__dict__', {}))
        return self.__class__, (), state or None, None, iter(dict.items(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __class_getitem__(cls, item):
        return cls


################################################################################
### namedtuple
################################################################################

# keyword.kwlist of CPython 3.11 (gilpy has no keyword module)
_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
    'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
])


class _tuplegetter:
    # the descriptor of one field: reads item `index` of the tuple (cf. _collections._tuplegetter)

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f'{type(self).__name__}({self._index}, {self.__doc__!r})'


def _plural(n, word):
    return f'{n} {word}' if n == 1 else f'{n} {word}s'


def _name_list(names):
    # 'x', "'x' and 'y'", "'x', 'y', and 'z'", as CPython's missing-argument errors list them
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_new(typename, field_names, field_defaults):
    # __new__(_cls, <fields>) with the fields' defaults, binding its arguments with the messages
    # CPython's generated __new__ would give (gilpy has no exec to generate it)
    nfields = len(field_names)
    ndefaults = len(field_defaults)
    qualname = f'{typename}.__new__'

    def __new__(_cls, *args, **kwargs):
        if len(args) > nfields:
            if ndefaults:
                takes = f'from {nfields - ndefaults + 1} to {nfields + 1} positional arguments'
            else:
                takes = _plural(nfields + 1, 'positional argument')
            was = 'was' if len(args) + 1 == 1 else 'were'
            raise TypeError(f'{qualname}() takes {takes} but {len(args) + 1} {was} given')
        for name in kwargs:
            if name not in field_names:
                raise TypeError(f'{qualname}() got an unexpected keyword argument {name!r}')
            if field_names.index(name) < len(args):
                raise TypeError(f'{qualname}() got multiple values for argument {name!r}')
        values = list(args)
        missing = []
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            raise TypeError(f'{qualname}() missing {len(missing)} required positional '
                            f'argument{"s" if len(missing) > 1 else ""}: {_name_list(missing)}')
        return tuple.__new__(_cls, values)

    __new__.__qualname__ = qualname
    __new__.__doc__ = f'Create new instance of {typename}({", ".join(field_names)})'
    return __new__


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point.__doc__                   # docstring for the new class
    'Point(x, y)'
    >>> p = Point(11, y=22)             # instantiate with positional args or keywords
    >>> p[0] + p[1]                     # indexable like a plain tuple
    33
    >>> x, y = p                        # unpack like a regular tuple
    >>> x, y
    (11, 22)
    >>> p.x + p.y                       # fields also accessible by name
    33
    >>> d = p._asdict()                 # convert to a dictionary
    >>> d['x']
    11
    >>> Point(**d)                      # convert from a dictionary
    Point(x=11, y=22)
    >>> p._replace(x=100)               # _replace() is like str.replace() but targets named fields
    Point(x=100, y=22)

    """

    # Validate the field names.  At the user's option, either generate an error
    # message or automatically replace the field name with a valid name.
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier()
                or name in _KEYWORDS
                or name.startswith('_')
                or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))

    # Variables used in the methods and docstrings
    field_names = tuple(map(_sys.intern, field_names))
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in field_names) + ')'

    # Create all the named tuple methods to be added to the class namespace

    __new__ = _make_new(typename, field_names, field_defaults)

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        'Return a nicely formatted representation string'
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    # Modify function metadata to help with introspection and debugging
    for method in (
        _replace,
        __repr__,
        _asdict,
        __getnewargs__,
    ):
        method.__qualname__ = f'{typename}.{method.__name__}'
    _make.__func__.__qualname__ = f'{typename}._make'
    _replace.__doc__ = f'Return a new {typename} object replacing specified fields with new values'
    _make.__func__.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    # Build-up the class namespace dictionary
    # and use type() to build the result class
    class_namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        doc = _sys.intern(f'Alias for field number {index}')
        class_namespace[name] = _tuplegetter(index, doc)

    # For pickling to work, the __module__ variable needs to be set to the frame
    # where the named tuple is created.
    if module is None:
        module = _sys._getframemodulename(1) or '__main__'
    class_namespace['__module__'] = module

    return type(typename, (tuple,), class_namespace)


################################################################################
### Counter
################################################################################

def _count_elements(mapping, iterable):
    'Tally elements from the iterable.'
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


def _is_mapping(obj):
    # stands for isinstance(obj, collections.abc.Mapping) (gilpy has no abc module)
    return isinstance(obj, dict) or (hasattr(obj, 'keys') and hasattr(obj, 'items')
                                     and hasattr(obj, '__getitem__'))


def _count_of(item):
    return item[1]


class Counter(dict):
    '''Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.

    >>> c = Counter('abcdeabcdabcaba')  # count elements from a string

    >>> c.most_common(3)                # three most common elements
    [('a', 5), ('b', 4), ('c', 3)]
    >>> sorted(c)                       # list all unique elements
    ['a', 'b', 'c', 'd', 'e']
    >>> ''.join(sorted(c.elements()))   # list elements with repetitions
    'aaaaabbbbcccdde'
    >>> sum(c.values())                 # total of all counts
    15

    '''

    def __init__(self, iterable=None, /, **kwds):
        '''Create a new, empty Counter object.  And if given, count elements
        from an input iterable.  Or, initialize the count from another mapping
        of elements to their counts.

        '''
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        # Needed so that self[missing_item] does not raise KeyError
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        '''List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.

        >>> Counter('abracadabra').most_common(3)
        [('a', 5), ('b', 2), ('r', 2)]

        '''
        # sorted() is stable: equal counts keep the order in which the elements were first met,
        # which is also what CPython's heapq.nlargest gives
        items = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        '''Iterator over elements repeating each as many times as its count.

        >>> c = Counter('ABCABC')
        >>> sorted(c.elements())
        ['A', 'A', 'B', 'B', 'C', 'C']

        If an element's count has been set to zero or is a negative number,
        elements() will ignore it.

        '''
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    # Override dict methods where necessary

    @classmethod
    def fromkeys(cls, iterable, v=None):
        # There is no equivalent method for counters because the semantics
        # would be ambiguous in cases such as Counter.fromkeys('aaabbc', v=2).
        # Initializing counters to zero values isn't necessary because zero
        # is already the default value for counter lookups.  Initializing
        # to one is easily accomplished with Counter(set(iterable)).  For
        # more exotic cases, create a dictionary first using a dictionary
        # comprehension or dict.fromkeys().
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        '''Like dict.update() but add counts instead of replacing them.

        Source can be an iterable, a dictionary, or another Counter instance.

        '''
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    # fast path when counter is empty
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        '''Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero.  Both the inputs and outputs are
        allowed to contain zero and negative counts.

        Source can be an iterable, a dictionary, or another Counter instance.

        '''
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    __copy__ = copy

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # dict() preserves the ordering returned by most_common()
            d = dict(self.most_common())
        except TypeError:
            # handle case where values are not orderable
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # Multiset-style mathematical operations discussed in:
    #       Knuth TAOCP Volume II section 4.6.3 exercise 19
    #       and at http://en.wikipedia.org/wiki/Multiset
    #
    # Results are ordered according to when an element is first
    # encountered in the left operand and then by the order
    # encountered in the right operand.
    #
    # When the multiplicities are all zero or one, multiset operations
    # are guaranteed to be equivalent to the corresponding operations
    # for regular sets.

    def __eq__(self, other):
        'True if all counts agree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        'True if any counts disagree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        'True if all counts in self are a subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        'True if all counts in self are a proper subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        'True if all counts in self are a superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        'True if all counts in self are a proper superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        '''Add counts from two counters.

        >>> Counter('abbb') + Counter('bcc')
        Counter({'b': 4, 'c': 2, 'a': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        ''' Subtract count, but keep only results with positive counts.

        >>> Counter('abbbc') - Counter('bccd')
        Counter({'b': 2, 'a': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        '''Union is the maximum of value in either of the input counters.

        >>> Counter('abbb') | Counter('bcc')
        Counter({'b': 3, 'c': 2, 'a': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        ''' Intersection is the minimum of corresponding counts.

        >>> Counter('abbb') & Counter('bcc')
        Counter({'b': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        '''Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts.

        '''
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        '''Internal method to strip elements with a negative or zero count'''
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        '''Inplace add from another counter, keeping only positive counts.

        >>> c = Counter('abbb')
        >>> c += Counter('bcc')
        >>> c
        Counter({'b': 4, 'c': 2, 'a': 1})

        '''
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        '''Inplace subtract counter, but keep only results with positive counts.

        >>> c = Counter('abbbc')
        >>> c -= Counter('bccd')
        >>> c
        Counter({'b': 2, 'a': 1})

        '''
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        '''Inplace union is the maximum of value from either counter.

        >>> c = Counter('abbb')
        >>> c |= Counter('bcc')
        >>> c
        Counter({'b': 3, 'c': 2, 'a': 1})

        '''
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        '''Inplace intersection is the minimum of corresponding counts.

        >>> c = Counter('abbb')
        >>> c &= Counter('bcc')
        >>> c
        Counter({'b': 1})

        '''
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


################################################################################
### Mapping views and mixin methods (what collections.abc gives ChainMap and UserDict)
################################################################################

_marker = object()


class KeysView:
    # collections.abc.KeysView: a live, set-like view of a mapping's keys
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({self._mapping!r})'

    def __iter__(self):
        yield from self._mapping

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return _set_like_eq(self, other)


class ItemsView(KeysView):
    # collections.abc.ItemsView
    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value


class ValuesView(KeysView):
    # collections.abc.ValuesView
    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    __eq__ = object.__eq__
    __hash__ = None


class _MutableMapping:
    # the mixin methods of collections.abc.MutableMapping, built on __getitem__, __setitem__,
    # __delitem__, __iter__ and __len__
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, (dict, _MutableMapping)):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


################################################################################
### ChainMap
################################################################################

class ChainMap(_MutableMapping):
    ''' A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    The underlying mappings are stored in a list.  That list is public and can
    be accessed or updated using the *maps* attribute.  There is no other
    state.

    Lookups search the underlying mappings successively until a key is found.
    In contrast, writes, updates, and deletions only operate on the first
    mapping.

    '''

    def __init__(self, *maps):
        '''Initialize a ChainMap by setting *maps* to the given mappings.
        If no mappings are provided, a single empty dictionary is used.

        '''
        self.maps = list(maps) or [{}]          # always at least one map

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]             # can't use 'key in mapping' with defaultdict
            except KeyError:
                pass
        return self.__missing__(key)            # support subclasses that define __missing__

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))     # reuses stored hash values if possible

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))    # reuses stored hash values if possible
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'
        finally:
            _repr_running.discard(key)

    @classmethod
    def fromkeys(cls, iterable, *args):
        'Create a ChainMap with a single dict created from the iterable.'
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):      # like Django's Context.push()
        '''New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        '''
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):                          # like Django's Context.pop()
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


################################################################################
### UserDict
################################################################################

class UserDict(_MutableMapping):

    # Start by filling-out the abstract methods
    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    # Modify __contains__ to work correctly when __missing__ is present
    def __contains__(self, key):
        return key in self.data

    # Now, add the methods in dicts but not in MutableMapping
    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        # Create a copy and avoid triggering descriptors
        inst.__dict__["data"] = self.__dict__["data"].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


################################################################################
### UserList
################################################################################

class UserList:
    """A more or less complete user-defined wrapper around list objects."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            # XXX should this accept an arbitrary sequence?
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        else:
            return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __reversed__(self):
        return reversed(self.data)

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        elif isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        elif isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        # Create a copy and avoid triggering descriptors
        inst.__dict__["data"] = self.__dict__["data"][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)
