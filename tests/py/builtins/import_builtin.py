# __import__ as the import statement uses it, and the module and qualified name of built-in functions
# (what pickle looks a built-in up by).
import math

m = __import__('math')
print(m is math, m.sqrt(16.0))
print(__import__('collections', fromlist=['deque']).deque([1, 2]))
print(__import__('concurrent.futures').__name__)
print(__import__('concurrent.futures', fromlist=['Future']).__name__)
print(len.__module__, len.__qualname__, math.sqrt.__module__, math.sqrt.__qualname__)
try:
    __import__('no_such_module_here')
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    __import__(42)
except TypeError as e:
    print(type(e).__name__, e)
