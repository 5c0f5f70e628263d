# sys.exit() and sys.exit(0) end the program with status 0; nothing after runs.
import sys
print("before exit")
n = 0
while True:
    n += 1
    if n == 3:
        print("exiting at", n)
        sys.exit(0)
    print("loop", n)
print("never printed")
