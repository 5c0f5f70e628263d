# A deliberate deadlock: two threads take the same two locks in opposite orders. CPython would hang
# here forever; gilpy sees that no thread can ever run again, says who waits for what and who holds
# it, and exits with status 3.
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
