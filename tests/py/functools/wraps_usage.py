# functools.wraps / update_wrapper: the wrapper takes the wrapped function's name, doc and dict
from functools import wraps, update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES

calls = []

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """the wrapper's own doc"""
        calls.append(func.__name__)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

add.extra = 'kept'
print(add(2, 3), add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__wrapped__(5, 6), add.__wrapped__.__name__, calls)

def plain(x):
    return x
plain.marker = 1
plain.__doc__ = 'set by hand'

def other(*a):
    return plain(*a)
update_wrapper(other, plain)
print(other.__name__, other.__doc__, other.marker, other.__wrapped__ is plain, other(9))

def only_name(*a):
    """keeps this doc"""
update_wrapper(only_name, add, assigned=('__name__',), updated=())
print(only_name.__name__, only_name.__doc__, hasattr(only_name, 'extra'), only_name.__wrapped__ is add)
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)

def decorator_with_args(times):
    def deco(func):
        @wraps(func)
        def run(*args):
            return [func(*args) for _ in range(times)]
        return run
    return deco

@decorator_with_args(3)
def shout(word):
    """Return WORD!"""
    return word.upper() + '!'

print(shout('hey'), shout.__name__, shout.__doc__)

class Obj:
    pass
o = Obj()
update_wrapper(o, add)
print(o.__name__, o.__doc__, o.__wrapped__.__name__)
try:
    add.__name__ = 5
except TypeError as e:
    print(e)
add.__name__ = 'renamed'
print(add.__name__, repr(add).startswith('<function add.<locals>') or repr(add).startswith('<function add'))
