values = [3, 8, 1]
a = (b := 10)
c = [d := 1, d + 1]
e = {(f := "k"): f, "set": {f := 1}}
g = {(h := 1), h}
call = max(i := 5, i * 2)
kwarg = dict(key=(j := 7))
nested = ((k := (l := 2) + 1) * l)
index = values[(m := 1)]
cond = (n := 0) if (o := True) else (n := 1)
