# sys.displayhook (what the REPL calls for an expression statement) and exit()/quit() called directly.
import builtins
import sys

sys.displayhook(None)          # nothing printed, _ untouched
print(hasattr(builtins, '_'))
sys.displayhook(42)
print(builtins._)
sys.displayhook('text')        # shown as its repr
print(repr(builtins._))
sys.displayhook([1, (2, 3)])
print(builtins._)
print(sys.__displayhook__ is sys.displayhook)

class BadRepr:
    def __repr__(self):
        raise ValueError('no repr')

try:
    sys.displayhook(BadRepr())
except ValueError as e:
    print('ValueError', e, builtins._)   # _ was cleared before the repr failed

for quitter, args in ((exit, ()), (quit, (3,)), (exit, ('bye',))):
    try:
        quitter(*args)
    except SystemExit as e:
        print('SystemExit', repr(e.code))
try:
    sys.displayhook()
except TypeError:
    print('TypeError')
