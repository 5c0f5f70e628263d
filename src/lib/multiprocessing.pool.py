"""A pool of worker processes: gilpy's version of CPython's Lib/multiprocessing/pool.py.

Tasks go to the workers through one queue and results come back through another (both pickled). A
thread of this process (the result handler) takes the results as they come and completes the
AsyncResult objects, running their callbacks, as CPython's _handle_results thread does. A task that
cannot be pickled fails in its result, as in CPython.
"""

import threading
import collections
import itertools
import _gilpy_process as _gp
import multiprocessing as _mp
from multiprocessing import Process, SimpleQueue, TimeoutError

__all__ = ['Pool', 'ThreadPool']

INIT = 'INIT'
RUN = 'RUN'
CLOSE = 'CLOSE'
TERMINATE = 'TERMINATE'

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """What a worker sends back for an exception: rebuilt in the parent with the child's traceback as
    its __cause__."""

    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be safely sent through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None):
    """What each worker process runs: tasks from inqueue until a None, results to outqueue."""
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, ExceptionWithTraceback(e, _gp.format_exception(e)))
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            outqueue.put((job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1


class Pool:
    """Class which supports an async version of applying functions to arguments."""

    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._cache = {}
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = _gp.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._repopulate_pool()
        self._result_handler = threading.Thread(target=Pool._handle_results, args=(self._outqueue, self._cache))
        self._result_handler.daemon = True
        self._result_handler.start()
        # replaces the workers that end (after maxtasksperchild tasks, or killed): as CPython's, the pool
        # goes on with as many workers; a task a dead worker had taken is lost
        self._on_worker_died = None
        self._worker_handler = threading.Thread(target=self._handle_workers)
        self._worker_handler.daemon = True
        self._state = RUN
        self._worker_handler.start()
        _mp._pools.append(self)

    def _repopulate_pool(self):
        for _ in range(self._processes - len(self._pool)):
            w = Process(target=worker, args=(self._inqueue, self._outqueue, self._initializer,
                                             self._initargs, self._maxtasksperchild))
            w.name = w.name.replace('Process', 'ForkPoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)

    def _handle_workers(self):
        # replaces the workers that ended (cf. Pool._handle_workers and _maintain_pool); a worker that
        # ended with a non-zero exit code while the pool runs died abruptly: _on_worker_died is told
        # (ProcessPoolExecutor then breaks, as CPython's does)
        import time
        interval = 0.1 if self._maxtasksperchild is None else 0.01
        while self._state == RUN or (self._maxtasksperchild is not None and self._cache
                                     and self._state != TERMINATE):
            cleaned = False
            for w in list(self._pool):
                if w.exitcode is not None and self._state != TERMINATE:
                    w.join()
                    self._pool.remove(w)
                    cleaned = True
                    if w.exitcode != 0 and self._state == RUN and self._on_worker_died is not None:
                        self._on_worker_died(w)
            if cleaned and self._state == RUN:
                self._repopulate_pool()
            time.sleep(interval)

    @staticmethod
    def _handle_results(outqueue, cache):
        while True:
            task = outqueue.get()
            if task is None:
                return
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None

    def __reduce__(self):
        raise NotImplementedError('pool objects cannot be passed between processes or pickled')

    def __repr__(self):
        return (f'<{self.__class__.__module__}.{self.__class__.__qualname__} '
                f'state={self._state} pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _put(self, task, result):
        # a task that cannot be pickled fails in its result (CPython's task handler does the same)
        try:
            self._inqueue.put(task)
        except Exception as e:
            result._set(task[1], (False, e))

    def apply(self, func, args=(), kwds={}):
        """Equivalent of `func(*args, **kwds)`."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Asynchronous version of `apply()` method."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._put((result._job, 0, func, tuple(args), dict(kwds)), result)
        return result

    def map(self, func, iterable, chunksize=None):
        """Apply `func` to each element in `iterable`, collecting the results in a list that is returned."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like `map()` method but the elements of the `iterable` are expected to be iterables as well."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of `map()` method."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            # (at least 1: the worker handler thread replaces a dead worker by deleting it from _pool, then
            # appending a new one; without the GIL this thread may look in between)
            chunksize, extra = divmod(len(iterable), max(len(self._pool), 1) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        batches = list(Pool._get_tasks(func, iterable, chunksize))
        result = MapResult(self, chunksize, len(iterable), callback, error_callback=error_callback)
        for i, batch in enumerate(batches):
            self._put((result._job, i, mapper, (batch,), {}), result)
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def imap(self, func, iterable, chunksize=1):
        """Equivalent of `map()` -- can be MUCH slower than `Pool.map()`."""
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            n = 0
            for i, x in enumerate(iterable):
                self._put((result._job, i, func, (x,), {}), result)
                n += 1
            result._set_length(n)
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = IMapIterator(self)
        n = 0
        for i, batch in enumerate(Pool._get_tasks(func, iterable, chunksize)):
            self._put((result._job, i, mapstar, (batch,), {}), result)
            n += 1
        result._set_length(n)
        return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like `imap()` method but ordering of results is arbitrary."""
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        result = IMapUnorderedIterator(self)
        n = 0
        if chunksize == 1:
            for i, x in enumerate(iterable):
                self._put((result._job, i, func, (x,), {}), result)
                n += 1
            result._set_length(n)
            return result
        for i, batch in enumerate(Pool._get_tasks(func, iterable, chunksize)):
            self._put((result._job, i, mapstar, (batch,), {}), result)
            n += 1
        result._set_length(n)
        return (item for chunk in result for item in chunk)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            # each worker takes one None after the tasks before it, and ends
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        if self._state == TERMINATE:
            return
        self._state = TERMINATE
        for w in self._pool:
            w.terminate()
        for w in self._pool:
            w.join()
        self._outqueue.put(None)
        if self._result_handler.is_alive() and self._result_handler is not threading.current_thread():
            self._result_handler.join()
        if self in _mp._pools:
            _mp._pools.remove(self)

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        if self._maxtasksperchild is not None:
            while self._cache:
                import time
                time.sleep(0.01)
            self._state = TERMINATE if self._state == TERMINATE else CLOSE
            for _ in self._pool:
                self._inqueue.put(None)
        for w in self._pool:
            w.join()
        if self._state == CLOSE:
            self._outqueue.put(None)
        self._result_handler.join()
        if self in _mp._pools:
            _mp._pools.remove(self)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ApplyResult:

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator:

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


def ThreadPool(processes=None, initializer=None, initargs=()):
    raise NotImplementedError('gilpy: multiprocessing.pool.ThreadPool is not built (use concurrent.futures.ThreadPoolExecutor)')
