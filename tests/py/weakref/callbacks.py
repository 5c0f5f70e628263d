# Weak reference callbacks: called with the weakref once the referent dies, newest first; not called
# when the weakref died first; a callback may make new objects and weak references.
import weakref

log = []


class A:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


def cb(tag):
    def inner(wr):
        log.append((tag, wr() is None, wr is refs.get(tag)))
    return inner


refs = {}
a = A("a")
refs["one"] = weakref.ref(a, cb("one"))
refs["two"] = weakref.ref(a, cb("two"))
refs["plain"] = weakref.ref(a)
refs["three"] = weakref.ref(a, cb("three"))
print("__callback__", refs["plain"].__callback__, callable(refs["one"].__callback__))
print("order", [w is refs[k] for w, k in zip(weakref.getweakrefs(a), ["plain", "three", "two", "one"])])
del a
print(log)
print("callback dropped once called", refs["one"].__callback__)
del log[:]

b = A("b")
w = weakref.ref(b, cb("dropped"))
del w
del b
print("weakref died first", log)
del log[:]


# a callback may create new objects and weak references
keep = []


def make_more(wr):
    n = A("new")
    keep.append(n)
    keep.append(weakref.ref(n))


d = A("d")
wd = weakref.ref(d, make_more)
del d
print("created in callback", log, keep[1]() is keep[0])
