"""A docstring, then a future import, which must come first."""
from __future__ import division, print_function
from __future__ import (absolute_import,
                        generators)
from os import (sep)
from .  import   spaced
from.dotted import name
from ...import triple
print(sep, spaced, name, triple)
