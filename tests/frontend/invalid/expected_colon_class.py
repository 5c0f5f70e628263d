import math

class Point
    pass
