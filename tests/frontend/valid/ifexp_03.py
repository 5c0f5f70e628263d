debug = False
level = 10 if debug else 20
handler = print if debug else (lambda *a, **k: None)
handler("x") if level < 15 else None
name = (lambda: "a") if debug else (lambda: "b")
opt = {"k": 1 if debug else 2, **({"d": 1} if debug else {})}
tup = 1, 2 if debug else 3
star = [*([1] if debug else [2, 3])]
