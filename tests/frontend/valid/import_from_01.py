from os import path
from os.path import join, dirname as dn
from collections import (
    OrderedDict,
    defaultdict as dd,
    Counter,
)
from typing import *
from . import sibling
from .. import parent_mod
from .pkg import thing
