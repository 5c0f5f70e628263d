# WeakValueDictionary, WeakKeyDictionary and WeakSet: entries disappear when their objects die.
import weakref


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "O(%d)" % self.n


objs = [O(i) for i in range(5)]
wv = weakref.WeakValueDictionary()
for o in objs:
    wv["k%d" % o.n] = o
print("values", len(wv), sorted(wv.keys()), wv["k2"], wv.get("zz", "default"))
print("contains", "k1" in wv, "zz" in wv)
del objs[1]
print("one died", len(wv), sorted(wv), "k1" in wv)
try:
    wv["k1"]
except KeyError as e:
    print("KeyError", e)
print("items", sorted((k, v.n) for k, v in wv.items()))
print("pop", wv.pop("k0"), wv.pop("missing", None), len(wv))
print("setdefault", wv.setdefault("k3", None), sorted(wv))
wv2 = weakref.WeakValueDictionary({"x": objs[0]})
print("from dict", len(wv2), wv2["x"])
del wv["k4"]
print("deleted", sorted(wv))

wk = weakref.WeakKeyDictionary()
for o in objs:
    wk[o] = o.n * 10
print("keys", len(wk), sorted(o.n for o in wk), wk[objs[0]], objs[2] in wk, O(9) in wk)
print("get", wk.get(objs[1]), wk.get(O(7), "none"))
victim = objs.pop()
print("before", len(wk))
del victim
print("after", len(wk), sorted(v for v in wk.values()))
wk[objs[0]] = "replaced"
print("replaced", len(wk), wk[objs[0]])
print("pop", wk.pop(objs[0]), len(wk))

ws = weakref.WeakSet()
for o in objs:
    ws.add(o)
ws.add(objs[0])
print("set", len(ws), objs[0] in ws, O(0) in ws)
objs.pop()
print("shrunk", len(ws), sorted(o.n for o in ws))
ws.discard(objs[0])
print("discarded", len(ws))
try:
    ws.add(1)
except TypeError as e:
    print("TypeError", e)
print("1 in weakset", 1 in ws)
