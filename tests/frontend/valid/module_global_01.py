# global and nonlocal-free declarations at module level are legal no-ops
global counter
counter = 0
global a, b
a = b = 1


def bump():
    global counter
    counter += a + b


class Holder:
    global counter
    counter = -1

    def reset(self):
        global a
        a = 0
