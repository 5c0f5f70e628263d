"""Serialising objects: gilpy's pickle, with CPython's semantics and errors but gilpy's own byte format
(what dumps returns is read only by gilpy's loads; see the README's "Where gilpy differs")."""

from _pickle import PickleError, PicklingError, UnpicklingError
import _gilpy_process as _gp

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'dumps', 'loads', 'HIGHEST_PROTOCOL',
           'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of the object as a bytes object."""
    return _gp.dumps(obj)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read and return an object from the given pickle data."""
    return _gp.loads(data)
