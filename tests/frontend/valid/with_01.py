with open("a.txt") as f:
    data = f.read()
with open("a.txt") as src, open("b.txt", "w") as dst:
    dst.write(src.read())
with lock:
    pass
with lock, other_lock as o:
    pass
with open("x") as (a):
    pass
