import os
from os import path, sep,
