# throw() and close() delegated through yield from to an iterator class: it receives throw's arguments as given
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration(99)
        return self.n
    def throw(self, *a):
        print("throw called", a[0].__class__.__name__ if len(a)==1 else a[0].__name__)
        return "thrown"
    def close(self): print("close called")
def g():
    r = yield from It()
    print("r", r)
x = g(); print(next(x)); print(x.throw(KeyError)); print(next(x)); print(next(x))
try: next(x)
except StopIteration: print("stop")
x = g(); next(x); x.close()
class It2:
    def __iter__(self): return self
    def __next__(self): return 1
def g2(): yield from It2()
x = g2(); next(x)
try: x.throw(IndexError("i"))
except IndexError as e: print("IE", e)
x = g2(); next(x); x.close(); print("closed2")
