# gc.get_referrers and gc.get_referents: which containers hold an object, what a container holds.
import gc


class Box:
    def __init__(self, item):
        self.item = item


target = ["target"]
holder = [target, 1]
pair = (target, 2)
mapping = {"k": target}
box = Box(target)
refs = gc.get_referrers(target)
print("list holds it", any(r is holder for r in refs))
print("tuple holds it", any(r is pair for r in refs))
print("dict holds it", any(r is mapping for r in refs))
print("module globals hold it", any(r is globals() for r in refs))
print("unrelated list does not", any(r is [] for r in refs))
lonely = ["lonely"]


def user():
    return lonely


print("several at once", len(gc.get_referrers(target, lonely)) >= len(gc.get_referrers(target)))
print("list referents", gc.get_referents(holder) == [1, target])
print("tuple referents", gc.get_referents(pair))
print("dict referents", gc.get_referents({"a": target, "b": 5}))
print("int has none", gc.get_referents(10 ** 30))
print("str has none", gc.get_referents("abc"))
print("several objects", gc.get_referents([1], [2, 3]))
print("instance refers to its class", Box in gc.get_referents(box))
print("function refers to its globals", any(r is globals() for r in gc.get_referents(user)))
print("garbage", gc.garbage, type(gc.garbage).__name__)
print("debug flags", gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print("get_debug", gc.get_debug())
