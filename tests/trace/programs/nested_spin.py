# A thread spinning inside Python called back from native code (an __init__ and a key function) until
# another thread sets a flag: its turn ends there after a while, and the GIL passes on the JS stack.
import threading

done = False


def wait_for_flag():
    while not done:
        pass
    return 1


class Waits:
    def __init__(self):
        wait_for_flag()


def spinner():
    Waits()
    sorted([2, 1], key=lambda x: wait_for_flag())


def setter():
    global done
    total = 0
    for i in range(300):
        total += i
    done = True


threads = [threading.Thread(target=spinner), threading.Thread(target=setter)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(done)
