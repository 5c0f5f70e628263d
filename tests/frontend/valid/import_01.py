import os
import sys
import os.path
import xml.etree.ElementTree
import xml.etree.ElementTree as ET
import collections.abc as cabc, json as j
import re, math, itertools
import importlib.util

print(os, sys, xml, ET, cabc, j, re, math, itertools, importlib)
