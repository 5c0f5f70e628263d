"""Process-based parallelism: gilpy's version of CPython's Lib/multiprocessing (the "fork" start method).

A process is a worker thread of the host running its own gilpy VM on a byte copy of this process's heap
(src/vm/proc/): it sees every function and global as they were at start(), as after fork() on Linux, and
from then on shares nothing but what is made for sharing (queues, pipes, locks, Value and Array), all of
which live outside the heaps. What crosses between processes is pickled. The API and messages follow
CPython 3.11; the pool is in multiprocessing.pool.
"""

import sys
import threading
import _gilpy_process as _gp
from queue import Empty, Full

__all__ = ['Process', 'current_process', 'active_children', 'parent_process', 'cpu_count', 'Pool',
           'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Value', 'Array', 'get_start_method',
           'set_start_method', 'get_all_start_methods', 'get_context', 'ProcessError', 'TimeoutError',
           'BufferTooShort', 'AuthenticationError', 'freeze_support']


# CPython defines these in multiprocessing.context (their tracebacks and reprs name it; pickle finds them
# there: src/lib/multiprocessing.context.py re-exports them)
class ProcessError(Exception):
    __module__ = 'multiprocessing.context'


class BufferTooShort(ProcessError):
    __module__ = 'multiprocessing.context'


class TimeoutError(ProcessError):
    __module__ = 'multiprocessing.context'


class AuthenticationError(ProcessError):
    __module__ = 'multiprocessing.context'


def _count(start=1):
    n = start
    while True:
        yield n
        n += 1


#
# Processes
#

class BaseProcess:
    """A process object: run() runs in a child process made by start()."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = _gp.getpid()
        self._parent_name = _current_process.name
        self._pid = None
        self._exitcode = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """Method to be run in sub-process; can be overridden in sub-class."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start child process."""
        self._check_closed()
        assert self._pid is None, 'cannot start a process twice'
        assert self._parent_pid == _gp.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        self._pid = _gp.fork(self)
        _children.add(self)

    def _poll(self):
        if self._exitcode is None and self._pid is not None:
            self._exitcode = _gp.status(self._pid)
        return self._exitcode

    def terminate(self):
        """Terminate process; sends SIGTERM signal or uses TerminateProcess()."""
        self._check_closed()
        if self._pid is not None and self._poll() is None:
            _gp.signal(self._pid, 15)

    def kill(self):
        """Terminate process; sends SIGKILL signal or uses TerminateProcess()."""
        self._check_closed()
        if self._pid is not None and self._poll() is None:
            _gp.signal(self._pid, 9)

    def join(self, timeout=None):
        """Wait until child process terminates."""
        self._check_closed()
        assert self._parent_pid == _gp.getpid(), 'can only join a child process'
        assert self._pid is not None, 'can only join a started process'
        if self._poll() is None:
            _gp.wait(self._pid, timeout)
        if self._poll() is not None:
            _children.discard(self)

    def is_alive(self):
        """Return whether process is alive."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _gp.getpid(), 'can only test a child process'
        if self._pid is None:
            return False
        if self._poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Close the Process object (it must have ended)."""
        if self._pid is not None and self._poll() is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Return whether process is a daemon."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def exitcode(self):
        """Return exit code of process or `None` if it has yet to stop."""
        self._check_closed()
        if self._pid is None:
            return None
        return self._poll()

    @property
    def ident(self):
        """Return identifier (PID) of process or `None` if it has yet to start."""
        self._check_closed()
        if self is _current_process:
            return _gp.getpid()
        return self._pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._pid is None:
            raise ValueError('process not started')
        return self._pid

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _gp.getpid():
            status = 'unknown'
        elif self._pid is None:
            status = 'initial'
        else:
            exitcode = self._poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        """What the child process runs (on its copy of the heap): run(), then the exit code."""
        global _current_process, _parent_process, _process_counter, _children
        exitcode = 1
        try:
            _process_counter = _count(1)
            _children = set()
            # the parent's pools are its own (CPython clears the finalizers that would stop them)
            _pools.clear()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            threading._after_fork()
            for func in list(_after_fork_hooks):
                func()
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            sys.stderr.write(_gp.format_exception(e))
        finally:
            threading._shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        _gp.set_exitcode(exitcode)
        return exitcode


class Process(BaseProcess):
    pass


class _ProcessView(BaseProcess):
    """A process this one did not start (itself, or its parent): a name and a pid, nothing to run."""

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._exitcode = None
        self._closed = False
        self._config = {}


class _MainProcess(_ProcessView):

    def __init__(self):
        _ProcessView.__init__(self, 'MainProcess', None)

    def close(self):
        pass


class _ParentProcess(_ProcessView):

    def is_alive(self):
        return True

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        raise ValueError('cannot join the parent process from a child in gilpy')


_exitcode_to_name = {-15: 'SIGTERM', -9: 'SIGKILL', -2: 'SIGINT'}
_current_process = _MainProcess()
_parent_process = None
_process_counter = _count(1)
_children = set()
# functions run in a child right after the fork (cf. multiprocessing.util.register_after_fork)
_after_fork_hooks = []
# pools to terminate at exit (cf. the Finalize objects CPython's Pool registers)
_pools = []


def _cleanup():
    # forget the children that have ended
    for p in list(_children):
        if p._poll() is not None:
            _children.discard(p)


def current_process():
    """Return process object representing the current process."""
    return _current_process


def parent_process():
    """Return process object representing the parent process (None in the main process)."""
    return _parent_process


def active_children():
    """Return list of process objects corresponding to live child processes."""
    _cleanup()
    return list(_children)


def cpu_count():
    """Returns the number of CPUs in the system."""
    return _gp.cpu_count()


def freeze_support():
    pass


def get_start_method(allow_none=False):
    return 'fork'


def get_all_start_methods():
    return ['fork']


def set_start_method(method, force=False):
    if method != 'fork':
        raise ValueError(f"cannot find context for {method!r}: gilpy forks processes; only 'fork' is supported")


class _Context:
    """What get_context() returns: this module's API under the one start method gilpy has."""

    def __getattr__(self, name):
        return globals()[name]

    def get_start_method(self, allow_none=False):
        return 'fork'


def get_context(method=None):
    if method is not None and method != 'fork':
        raise ValueError(f"cannot find context for {method!r}: gilpy forks processes; only 'fork' is supported")
    return _Context()


def _exit_function():
    """At exit (an atexit callback in CPython): pools are terminated, daemonic children terminated, and the
    other children joined."""
    for pool in list(_pools):
        pool.terminate()
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()


#
# Queues and pipes
#

class Queue:
    """A FIFO queue shared by processes (and threads); what is put is pickled."""

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize if maxsize > 0 else 0
        self._channel = _gp.channel()
        self._closed = False
        # with a maxsize, a shared semaphore counts the free places (as CPython's Queue._sem): a put
        # takes one first, a get gives one back, so no number of putting processes overfills it
        self._sem = BoundedSemaphore(self._maxsize) if self._maxsize else None

    def __getstate__(self):
        raise RuntimeError('Queue objects should only be shared between processes through inheritance')

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if self._sem is not None and not self._sem.acquire(block, timeout):
            raise Full
        try:
            put = _gp.put(self._channel, obj, block, timeout)
        except BaseException:
            if self._sem is not None:
                self._sem.release()
            raise
        if not put:
            if self._sem is not None:
                self._sem.release()
            raise Full

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        ok, obj = _gp.get(self._channel, block, timeout)
        if not ok:
            raise Empty
        if self._sem is not None:
            self._sem.release()
        return obj

    def qsize(self):
        return _gp.count(self._channel)

    def empty(self):
        return _gp.count(self._channel) == 0

    def full(self):
        return self._sem is not None and self._sem.get_value() == 0

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished = _gp.shm('i', 1)

    def put(self, obj, block=True, timeout=None):
        # counted before it is put (a getter's task_done() may come at once), uncounted if the put fails
        self._count_unfinished(1)
        try:
            Queue.put(self, obj, block, timeout)
        except BaseException:
            self._count_unfinished(-1)
            raise

    def _count_unfinished(self, n):
        with _tasks_lock:
            _gp.shm_set(self._unfinished, 'i', 0, _gp.shm_get(self._unfinished, 'i', 0) + n)

    def task_done(self):
        with _tasks_lock:
            n = _gp.shm_get(self._unfinished, 'i', 0)
            if n <= 0:
                raise ValueError('task_done() called too many times')
            _gp.shm_set(self._unfinished, 'i', 0, n - 1)

    def join(self):
        while True:
            n = _gp.shm_get(self._unfinished, 'i', 0)
            if n == 0:
                return
            _gp.shm_wait(self._unfinished, 0, n, None)


class SimpleQueue:
    """A simplified queue: put, get, empty, close."""

    def __init__(self, *, ctx=None):
        self._channel = _gp.channel()
        self._closed = False

    def __getstate__(self):
        raise RuntimeError('Queue objects should only be shared between processes through inheritance')

    def put(self, obj):
        _gp.put(self._channel, obj, True, None)

    def get(self):
        ok, obj = _gp.get(self._channel, True, None)
        return obj

    def empty(self):
        return _gp.count(self._channel) == 0

    def close(self):
        self._closed = True


class Connection:
    """One end of a Pipe."""

    def __init__(self, recv_channel, send_channel, readable=True, writable=True):
        self._recv = recv_channel
        self._send = send_channel
        self._readable = readable
        self._writable = writable
        self._closed = False

    def __getstate__(self):
        raise RuntimeError('Connection objects should only be shared between processes through inheritance')

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        _gp.put(self._send, obj, True, None)

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        ok, obj = _gp.get(self._recv, True, None)
        if not ok:
            raise EOFError
        return obj

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        if size is None:
            size = len(m) - offset
        if offset < 0:
            raise ValueError("offset is negative")
        if offset > len(m):
            raise ValueError("buffer length < offset")
        if size < 0:
            raise ValueError("size is negative")
        if offset + size > len(m):
            raise ValueError("buffer length < offset + size")
        _gp.put(self._send, m[offset:offset + size], True, None)

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        ok, obj = _gp.get(self._recv, True, None)
        if not ok:
            raise EOFError
        if maxlength is not None and len(obj) > maxlength:
            raise OSError("bad message length")
        return obj

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        if _gp.count(self._recv) > 0:
            return True
        if timeout is not None and timeout <= 0:
            return False
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while _gp.count(self._recv) == 0 and not _gp.closed(self._recv):
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.001)
        return True

    def close(self):
        if not self._closed:
            self._closed = True
            if self._writable:
                _gp.close(self._send)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Pipe(duplex=True):
    """Returns two connection objects connected by a pipe."""
    a = _gp.channel()
    if duplex:
        b = _gp.channel()
        return Connection(a, b), Connection(b, a)
    return Connection(a, None, True, False), Connection(None, a, False, True)


#
# Synchronisation between processes
#

_SEM_VALUE_MAX = 2147483647


class _SemLock:

    def __init__(self, kind, value, maxvalue):
        self._semlock = _gp.semlock(kind, value, maxvalue)

    def __getstate__(self):
        raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes through inheritance')

    def acquire(self, block=True, timeout=None):
        return _gp.acquire(self._semlock, block, timeout)

    def release(self):
        _gp.release(self._semlock)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Semaphore(_SemLock):

    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        _SemLock.__init__(self, 0, value, _SEM_VALUE_MAX)

    def get_value(self):
        return _gp.sem_value(self._semlock)

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1, *, ctx=None):
        _SemLock.__init__(self, 0, value, value)


class Lock(_SemLock):

    def __init__(self, *, ctx=None):
        _SemLock.__init__(self, 0, 1, 1)

    def __repr__(self):
        if _gp.sem_mine(self._semlock):
            name = _owner_name()
        elif _gp.sem_value(self._semlock) == 1:
            name = 'None'
        elif _gp.sem_owner(self._semlock) == _gp.getpid():
            name = 'SomeOtherThread'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(_SemLock):

    def __init__(self, *, ctx=None):
        _SemLock.__init__(self, 1, 1, 1)

    def _is_owned(self):
        return _gp.sem_mine(self._semlock) > 0

    def __repr__(self):
        count = _gp.sem_mine(self._semlock)
        if count:
            name = _owner_name()
        elif _gp.sem_value(self._semlock) == 1:
            name, count = 'None', 0
        elif _gp.sem_owner(self._semlock) == _gp.getpid():
            name, count = 'SomeOtherThread', 'nonzero'
        else:
            name, count = 'SomeOtherProcess', 'nonzero'
        return '<%s(%s, %s)>' % (type(self).__name__, name, count)


def _owner_name():
    # how Lock and RLock reprs name the calling thread that holds them
    name = _current_process.name
    if threading.current_thread().name != 'MainThread':
        name += '|' + threading.current_thread().name
    return name


class Condition:

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._waiters = Semaphore(0)
        self._waiting = Value('i', 0, lock=False)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        self._waiting.value += 1
        self._lock.release()
        try:
            return self._waiters.acquire(True, timeout)
        finally:
            self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        import time
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = timeout
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        while n > 0 and self._waiting.value > 0:
            self._waiting.value -= 1
            self._waiters.release()
            n -= 1

    def notify_all(self):
        self.notify(_SEM_VALUE_MAX)


class Event:

    def __init__(self, *, ctx=None):
        self._flag = _gp.shm('i', 1)

    def is_set(self):
        return _gp.shm_get(self._flag, 'i', 0) == 1

    def set(self):
        _gp.shm_set(self._flag, 'i', 0, 1)

    def clear(self):
        _gp.shm_set(self._flag, 'i', 0, 0)

    def wait(self, timeout=None):
        if self.is_set():
            return True
        _gp.shm_wait(self._flag, 0, 0, timeout)
        return self.is_set()


class Barrier(threading.Barrier):
    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        raise NotImplementedError('gilpy: multiprocessing.Barrier is not built yet')


_tasks_lock = Lock()


#
# Shared memory: Value and Array
#

_typecode_names = {'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int',
                   'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong', 'Q': 'c_ulonglong',
                   'f': 'c_float', 'd': 'c_double', 'c': 'c_char'}
# on 64-bit Linux ctypes' c_longlong is c_long (and c_ulonglong c_ulong): their reprs say so
_typecode_names['q'] = 'c_long'
_typecode_names['Q'] = 'c_ulong'
_ctype_names = dict(_typecode_names, **{'?': 'c_bool'})


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type not in _typecode_names:
            # what ctypes.sizeof says of the unknown code (sharedctypes.RawValue)
            raise TypeError("this type has no size")
        return typecode_or_type
    code = getattr(typecode_or_type, '_type_', None)
    if code in _typecode_names or code == '?':
        # a ctypes simple type (c_int, c_bool, ...)
        return code
    raise TypeError(f"gilpy: unsupported shared type {typecode_or_type!r}")


class _RawValue:
    """A C value in shared memory (cf. a ctypes object made by sharedctypes.RawValue)."""

    def __init__(self, typecode, value):
        self._typecode = typecode
        self._shm = _gp.shm(typecode, 1)
        if value is not None:
            _gp.shm_set(self._shm, typecode, 0, value)

    @property
    def value(self):
        return _gp.shm_get(self._shm, self._typecode, 0)

    @value.setter
    def value(self, v):
        _gp.shm_set(self._shm, self._typecode, 0, v)

    def __repr__(self):
        return '%s(%r)' % (_ctype_names[self._typecode], self.value)


class Synchronized:
    """A shared object with the lock that guards it (cf. sharedctypes.Synchronized)."""

    __module__ = 'multiprocessing.sharedctypes'

    def __init__(self, obj, lock):
        self._obj = obj
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __getstate__(self):
        raise RuntimeError('Synchronized objects should only be shared between processes through inheritance')

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


def RawValue(typecode_or_type, *args):
    tc = _typecode(typecode_or_type)
    return _RawValue(tc, args[0] if args else (b'\x00' if tc == 'c' else 0))


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """Return a synchronization wrapper for a Value"""
    return _synchronized(RawValue(typecode_or_type, *args), lock, Synchronized)


def _synchronized(obj, lock, wrapper):
    """obj itself for lock=False, else obj wrapped with its lock (a new RLock for True or None)."""
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return wrapper(obj, lock)


class _RawArray:
    """A C array in shared memory."""

    def __init__(self, typecode, size_or_initializer):
        self._typecode = typecode
        if isinstance(size_or_initializer, int):
            self._length = size_or_initializer
            init = None
        else:
            init = list(size_or_initializer)
            self._length = len(init)
        self._shm = _gp.shm(typecode, self._length)
        if init is not None:
            for i, v in enumerate(init):
                _gp.shm_set(self._shm, typecode, i, v)

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_gp.shm_get(self._shm, self._typecode, j) for j in range(*i.indices(self._length))]
        return _gp.shm_get(self._shm, self._typecode, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._length))
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, v):
                _gp.shm_set(self._shm, self._typecode, j, x)
            return
        _gp.shm_set(self._shm, self._typecode, self._index(i), v)

    def __iter__(self):
        for i in range(self._length):
            yield _gp.shm_get(self._shm, self._typecode, i)

    def __repr__(self):
        return '<%s_Array_%d object>' % (_ctype_names[self._typecode], self._length)


class SynchronizedArray(Synchronized):

    __module__ = 'multiprocessing.sharedctypes'

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, v):
        with self._lock:
            self._obj[i] = v

    def __iter__(self):
        return iter(self[:])

    def __getslice__(self, start, stop):
        return self[start:stop]


def RawArray(typecode_or_type, size_or_initializer):
    return _RawArray(_typecode(typecode_or_type), size_or_initializer)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """Return a synchronization wrapper for a RawArray"""
    return _synchronized(RawArray(typecode_or_type, size_or_initializer), lock, SynchronizedArray)


def Manager():
    raise NotImplementedError('gilpy: multiprocessing.Manager is not built (use Queue, Value and Array)')


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    """Returns a process pool object"""
    from multiprocessing.pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)
