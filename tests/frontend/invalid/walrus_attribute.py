import os
if (os.x := 1):
    pass
