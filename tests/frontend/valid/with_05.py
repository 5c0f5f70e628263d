import threading

lock = threading.Lock()
with (lock as l, open("f") as f,): pass
with (open("a") as a,
      open("b")):
    pass
with (a := open("z")) as z:
    pass
with open("x") as x: print(x)
with (open("p")) as p, (open("q")) as q:
    pass
