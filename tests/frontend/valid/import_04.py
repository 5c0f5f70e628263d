"""Module docstring before imports."""
import os  # comment after import
import sys as _sys, \
    re as _re
import   collections   .   abc
print(os, _sys, _re, collections)
