a = b = 0
a, b: int
