"""A small part of CPython's os module: the process's identity and a few constants. gilpy gives programs
no access to the host's files, environment or processes (DESIGN.md "Errors"), so nothing else is here."""

import _gilpy_process as _gp

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'


def getpid():
    """Return the current process id."""
    return _gp.getpid()


def getppid():
    """Return the parent's process id (gilpy: the first process's parent is reported as 1)."""
    ppid = _gp.getppid()
    return 1 if ppid is None else ppid


def cpu_count():
    """Return the number of CPUs in the system."""
    return _gp.cpu_count()


def _exit(status):
    """Exit to the system with specified status, without normal exit processing (gilpy: what the
    process printed is still written out)."""
    _gp.exit_now(status)
