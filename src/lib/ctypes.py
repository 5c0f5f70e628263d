"""ctypes: only its simple C types (c_int, c_double, c_char, ...: a C value of that type, with `.value`),
which multiprocessing's Value and Array take instead of a typecode. gilpy loads no C library: there is no
CDLL, pointer, structure or array type here (README, "Where gilpy differs")."""

__all__ = ['c_bool', 'c_byte', 'c_char', 'c_double', 'c_float', 'c_int', 'c_int8', 'c_int16', 'c_int32',
           'c_int64', 'c_long', 'c_longlong', 'c_short', 'c_size_t', 'c_ssize_t', 'c_ubyte', 'c_uint',
           'c_uint8', 'c_uint16', 'c_uint32', 'c_uint64', 'c_ulong', 'c_ulonglong', 'c_ushort', 'sizeof']


class _SimpleCData:
    """A C value: `_type_` is its struct typecode, `_size_` its size in bytes."""

    _type_ = None
    _size_ = 0

    def __init__(self, value=None):
        self.value = self._default() if value is None else value

    @classmethod
    def _default(cls):
        return 0

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = self._convert(v)

    def __repr__(self):
        return f'{type(self).__name__}({self._value!r})'


class _CInt(_SimpleCData):
    _signed = True

    @classmethod
    def _convert(cls, v):
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
        bits = cls._size_ * 8
        v &= (1 << bits) - 1
        if cls._signed and v >= 1 << (bits - 1):
            v -= 1 << bits
        return v


def _int_type(name, code, size, signed):
    return type(name, (_CInt,), {'_type_': code, '_size_': size, '_signed': signed, '__module__': 'ctypes'})


c_byte = _int_type('c_byte', 'b', 1, True)
c_ubyte = _int_type('c_ubyte', 'B', 1, False)
c_short = _int_type('c_short', 'h', 2, True)
c_ushort = _int_type('c_ushort', 'H', 2, False)
c_int = _int_type('c_int', 'i', 4, True)
c_uint = _int_type('c_uint', 'I', 4, False)
c_long = _int_type('c_long', 'l', 8, True)
c_ulong = _int_type('c_ulong', 'L', 8, False)
# on 64-bit Linux, as CPython's ctypes defines them
c_longlong = c_long
c_ulonglong = c_ulong
c_int8, c_uint8, c_int16, c_uint16 = c_byte, c_ubyte, c_short, c_ushort
c_int32, c_uint32, c_int64, c_uint64 = c_int, c_uint, c_long, c_ulong
c_size_t, c_ssize_t = c_ulong, c_long


class c_bool(_SimpleCData):
    _type_ = '?'
    _size_ = 1

    @classmethod
    def _default(cls):
        return False

    @classmethod
    def _convert(cls, v):
        return bool(v)


class _CFloat(_SimpleCData):
    @classmethod
    def _default(cls):
        return 0.0

    @classmethod
    def _convert(cls, v):
        if not isinstance(v, (int, float)):
            raise TypeError(f'must be real number, not {type(v).__name__}')
        return float(v)


class c_float(_CFloat):
    _type_ = 'f'
    _size_ = 4

    @classmethod
    def _convert(cls, v):
        return _float32(_CFloat._convert(v))


def _float32(x):
    # x rounded to the nearest C float (half to even), as storing it in one does
    if x == 0 or x != x or x in (_INF, -_INF):
        return x
    import math
    e = math.frexp(x)[1]
    scale = 2.0 ** (24 - max(e, -125))
    r = round(x * scale) / scale
    return r if abs(r) <= 3.4028234663852886e+38 else math.copysign(_INF, r)


_INF = float('inf')


class c_double(_CFloat):
    _type_ = 'd'
    _size_ = 8


class c_char(_SimpleCData):
    _type_ = 'c'
    _size_ = 1

    @classmethod
    def _default(cls):
        return b'\x00'

    @classmethod
    def _convert(cls, v):
        if isinstance(v, int) and 0 <= v < 256:
            return bytes([v])
        if isinstance(v, (bytes, bytearray)) and len(v) == 1:
            return bytes(v)
        raise TypeError('one character bytes, bytearray or integer expected')


def sizeof(obj_or_type):
    """sizeof(C type) -> integer
sizeof(C instance) -> integer
Return the size in bytes of a C instance"""
    size = getattr(obj_or_type, '_size_', None)
    if size is None:
        raise TypeError('this type has no size')
    return size
