# library modules written in Python: imported once, cached in sys.modules, usable in every import form
import sys
import collections
import collections as again
from collections import deque as D, Counter
print(again is collections, sys.modules['collections'] is collections, D is collections.deque)
print(collections.__name__, type(collections).__name__, Counter.__module__, D.__module__)
print(collections.deque, collections.OrderedDict.__name__, [n for n in collections.__all__ if n in ('deque', 'Counter', 'OrderedDict', 'namedtuple', 'defaultdict')])
print('copy' in sys.modules, 'string' in sys.modules)
import copy, functools, string
print(copy.__name__, functools.__name__, string.__name__, hasattr(copy, '__file__') == hasattr(string, '__file__'))
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from collections import no_such_name
except ImportError as e:
    print(type(e).__name__)
