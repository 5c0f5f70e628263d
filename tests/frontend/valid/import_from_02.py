from . import x
from .. mod import y as z
from ...pkg.sub import (a, b,)
from .... import deep
from ....a.b import c
from ..... import five
from .mod import (one as uno,
                  two as dos)
from m import *
