# gc.is_tracked: atoms are not tracked, containers are; dicts of atoms are not; tuples of atoms are
# untracked by the next collection.
import gc


class C:
    pass


def f():
    pass


for label, v in [("int", 10 ** 20), ("str", "abc" * 3), ("None", None), ("float", 1.5), ("bytes", b"xy"),
                 ("list", []), ("set", set()), ("instance", C()), ("class", C), ("function", f),
                 ("empty dict", {}), ("dict of atoms", {"a": 1, "b": "x"}), ("dict with list", {"a": []}),
                 ("dict with list key", {1: [2]}), ("dict with tuple", {"t": (1, [])})]:
    print(label, gc.is_tracked(v))

d = {}
print("empty", gc.is_tracked(d))
d["x"] = 1
print("atom added", gc.is_tracked(d))
d["y"] = [1]
print("list added", gc.is_tracked(d))
t = tuple([1, "a", None])
u = tuple([1, [2]])
w = tuple([t, 3])
print("fresh tuples", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(w))
gc.collect()
print("after collect", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(w))
print("get_objects has the list", any(o is u for o in gc.get_objects()), "not the atom tuple",
      any(o is t for o in gc.get_objects()))
print("finalized", gc.is_finalized(C()))
