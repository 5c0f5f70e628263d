# Cycles that only the exit's collection finds, made after the program freed some of the interpreter's
# own objects (builtins deleted from the builtins module): their blocks are used again by the program's
# objects, which the exit's collection must still find and finalize. (Every __del__ prints the same
# line, so the order in which they run does not matter.)
import builtins
import gc

say = print
for name in ['abs', 'all', 'any', 'ascii', 'bin', 'chr', 'divmod', 'format', 'hex', 'oct', 'ord', 'pow',
             'round', 'sorted', 'sum', 'vars', 'zip', 'map', 'filter', 'min', 'max']:
    delattr(builtins, name)

gc.disable()


class Node:
    def __init__(self):
        self.other = self
        self.items = [self, {'me': self}]

    def __del__(self):
        say('finalized at exit')


for _ in range(30):
    Node()
say('end of the program')
