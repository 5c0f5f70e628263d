import os
class A:
x = 1
