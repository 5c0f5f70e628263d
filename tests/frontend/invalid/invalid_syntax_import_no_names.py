import os
from sys import
print(os.sep)
