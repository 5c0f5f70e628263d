x = False
True = x
