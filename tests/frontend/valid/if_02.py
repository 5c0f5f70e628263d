x = 5
if x:
    if x > 3:
        if x > 4:
            print("deep")
        else:
            print("four")
    else:
        pass
elif not x:
    print("falsy")
if x: print("one-liner")
if x: a = 1; b = 2
else: a = b = 0
