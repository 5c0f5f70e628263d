x = 3
if x: pass
if x > 1: print("big")
elif x: print("small")
else: print("none")
for i in range(3): print(i)
while x: x -= 1
with open("f") as f: f.read()
def f(): return 1
class C: pass
class D: x = 1; y = 2
try: import json
except ImportError: json = None
