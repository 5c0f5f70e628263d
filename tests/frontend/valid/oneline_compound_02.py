class Point: __slots__ = ("x", "y")
class Empty: ...
def identity(x): return x
def decorated(): pass
for k, v in {}.items(): pass
else: print("empty")
while False: pass
else: pass
if True: x = 1
else: x = 2
try: pass
finally: pass
