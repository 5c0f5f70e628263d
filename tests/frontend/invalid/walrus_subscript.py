a = [0]
if (a[0] := 1):
    pass
