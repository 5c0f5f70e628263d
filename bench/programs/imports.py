# Start-up with the library modules programs import most (gilpy carries them written in Python: src/lib;
# the build compiles them, docs/STARTUP.md): the whole run is start-up and imports.
import collections
import copy
import functools
import queue
import threading

print(len(collections.Counter("mississippi")), copy.copy([1]), functools.reduce(max, [3, 1, 2]),
      queue.Queue().empty(), threading.current_thread().name)
