"""multiprocessing.context: where CPython defines multiprocessing's exceptions (gilpy defines them in
multiprocessing itself, under this module's name; this module lets pickle and imports find them here)."""

from multiprocessing import ProcessError, BufferTooShort, TimeoutError, AuthenticationError

__all__ = ['ProcessError', 'BufferTooShort', 'TimeoutError', 'AuthenticationError']
