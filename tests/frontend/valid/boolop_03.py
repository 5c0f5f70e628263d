flags = [True, False, None, 0, 1]
result = flags[0] and flags[1] or flags[2] and flags[3] or flags[4]
mixed = not flags[0] == flags[1] and flags[2] is None or flags[3] in flags
guard = flags and flags[0] and flags[0] is True
if flags[0] and (flags[1] or flags[2]) and not (flags[3] and flags[4]):
    pass
while flags and not flags[-1] or len(flags) > 10:
    flags.pop()
