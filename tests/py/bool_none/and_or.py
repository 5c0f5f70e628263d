# and / or return one of their operands, not necessarily a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print("" or "x", "a" and "b", [] and [1], [] or [1], 0 or 0.0 or "")
print(None and 1, None or 0, False or None, True and None)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or [] or "last")
print(not 1, not 0, not None, not "", not "a", not not 5)
print(1 or 1 / 0, 0 and 1 / 0)
x = 5
print(x > 3 and x < 10, x > 3 and "big" or "small", x < 3 and "big" or "small")
print(True and False or True, True and (False or True), not True == False)
print((not True) == False, not (True == False))
y = None
z = y or []
z.append(1)
print(y, z)
count = 0


def bump(v):
    global count
    count += 1
    return v


print(bump(0) and bump(1), count)
print(bump(1) or bump(2), count)
print(bump(0) or bump(0) or bump(3), count)
