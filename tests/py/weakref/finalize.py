# weakref.finalize: calls its function once, when the object dies or when called; alive, peek, detach.
import weakref

log = []


class Res:
    def __init__(self, name):
        self.name = name


def closer(*args, **kwargs):
    log.append((args, sorted(kwargs.items())))
    return "closed"


r = Res("a")
f = weakref.finalize(r, closer, "a", mode="w")
print("alive", f.alive)
p = f.peek()
print("peek", p[0] is r, p[1] is closer, p[2], p[3])
del p
del r
print("after death", f.alive, log)
print("call again", f())
del log[:]

s = Res("b")
g = weakref.finalize(s, closer, "b")
print("called early", g(), g.alive, log)
print("second call", g())
del s
print("no second run", log)
del log[:]

t = Res("c")
h = weakref.finalize(t, closer, "c")
d = h.detach()
print("detached", d[0] is t, d[2], h.alive, h.detach(), h.peek())
del d, t
print("detached never runs", log)
u = Res("d")
k = weakref.finalize(u, log.append, "d-dead")
print("atexit", k.atexit)
u = None
print("by rebinding", log)
# still pending at exit: those with atexit run, newest first, after the program's last line
last = Res("e")
weakref.finalize(last, print, "first registered, runs last")
skipped = weakref.finalize(last, print, "never printed")
skipped.atexit = False
weakref.finalize(last, print, "last registered, runs first")
print("end of program")
