# No-GIL mode: borrowed reads out of shared dicts while other threads replace what they read.
# Three kinds, each replaced from two threads while two others read it (every replacement frees the old
# value unless a reader still holds it):
#   - a class attribute and a method (class dict: the type lookup, LOAD_ATTR and the method call),
#   - a module global read by module-level code and by class bodies (LOAD_NAME) and by a function
#     (LOAD_GLOBAL).
# Every read must see a live value of the right shape; the program prints only what is exact whatever
# the timing (CPython with its GIL prints the same).
import threading

ROUNDS = 6000


class Shape:
    scale = ('scale', 0)

    def area(self):
        return 1


def make_area(i):
    def area(self):
        return 1
    area.tag = ('v', i)
    return area


state = ('state', 0)
replaced = [0] * 6
good = [0] * 6


def replace_class_attr(k):
    for i in range(ROUNDS):
        Shape.scale = (f'scale-{k}', i)       # the old tuple is freed (unless a reader holds it)
    replaced[k] = ROUNDS


def replace_method(k):
    for i in range(ROUNDS):
        Shape.area = make_area(i)             # the old function is freed
    replaced[2 + k] = ROUNDS


def replace_global(k):
    global state
    for i in range(ROUNDS):
        state = (f'state-{k}', [i])          # the old tuple and its list are freed
    replaced[4 + k] = ROUNDS


def read_class(k):
    s = Shape()
    n = 0
    for i in range(ROUNDS):
        v = Shape.scale                        # type lookup on the class
        w = s.scale                            # the same through an instance
        if s.area() == 1 and isinstance(v[0], str) and isinstance(w[0], str):
            n += 1
    good[k] = n


def read_global_by_name(k):
    # a class body reads a global by LOAD_NAME (not a name of the class body: found in the module dict)
    n = 0
    for i in range(ROUNDS // 4):
        class Probe:
            v = state
            ok = isinstance(v[0], str) and len(v[1]) == 1
        if Probe.ok:
            n += 1
    good[2 + k] = n * 4


def read_global(k):
    n = 0
    for i in range(ROUNDS):
        v = state                              # LOAD_GLOBAL
        if isinstance(v[0], str) and len(v[1]) == 1:
            n += 1
    good[4 + k] = n


threads = [threading.Thread(target=f, args=(k,)) for f in (replace_class_attr, replace_method, replace_global)
           for k in range(2)]
threads += [threading.Thread(target=f, args=(k,)) for f in (read_class, read_global_by_name, read_global) for k in range(2)]
for t in threads:
    t.start()
# module-level code (this module's own body) reads the global by LOAD_NAME meanwhile
main_good = 0
for i in range(ROUNDS):
    v = state
    if isinstance(v[0], str) and len(v[1]) == 1:
        main_good += 1
for t in threads:
    t.join()
print(replaced == [ROUNDS] * 6, good == [ROUNDS] * 6, main_good == ROUNDS, Shape.scale[1], state[1])
