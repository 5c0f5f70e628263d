# Deadlock: two threads take the same two locks in opposite orders. "left" holds the fork and waits
# for the knife; "right" holds the knife and waits for the fork; neither can ever go on. This is the
# hazard the seed notebook names for many fine-grained locks, which one big lock (the GIL) avoids inside
# the interpreter but not in your program. python3 hangs here forever (stop it with Ctrl-C). gilpy sees
# that no thread can ever run again and reports the deadlock on stderr: look for each blocked thread,
# the line it is blocked at, the lock it waits for and the thread holding it, and the cycle
# "left" -> "right" -> "left"; then gilpy exits with status 3 (`echo $?`), and "never printed" is not.
import threading
import time

fork = threading.Lock()
knife = threading.Lock()

def left_handed():
    with fork:
        time.sleep(0.01)      # let the other thread take the knife
        with knife:
            print("left-handed eats")

def right_handed():
    with knife:
        time.sleep(0.01)
        with fork:
            print("right-handed eats")

a = threading.Thread(target=left_handed, name="left")
b = threading.Thread(target=right_handed, name="right")
a.start()
b.start()
a.join()
b.join()
print("never printed")
