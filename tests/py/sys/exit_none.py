# sys.exit() from inside a function; no argument means status 0.
import sys


def stop():
    print("stopping")
    sys.exit()
    print("not reached")


print("start")
stop()
print("not reached either")
