# A module next to pickling_more.py, which imports it: its functions and classes cross between processes
# by reference to this module (run as a program, it does nothing).


def doubled(x):
    return x * 2


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v
