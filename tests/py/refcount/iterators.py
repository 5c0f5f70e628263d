# sys.getrefcount of objects held by iterators, views, unpacking and builtins that keep references.
import sys
rc = sys.getrefcount

lst = [[1], [2], [3]]
print("start", rc(lst), rc(lst[0]))
it = iter(lst)
print("iter holds list", rc(lst))
nxt = next(it)
print("next item", rc(lst[0]))
del it, nxt
print("iterator gone", rc(lst), rc(lst[0]))
e = enumerate(lst)
print("enumerate", rc(lst))
del e
z = zip(lst, lst)
print("zip twice", rc(lst))
del z
m = map(len, lst)
print("map", rc(lst), rc(len) > 0)
del m
rv = reversed(lst)
print("reversed", rc(lst))
del rv
d = {"a": lst[0], "b": lst[1]}
keys = d.keys()
print("keys view holds dict", rc(d))
del keys
a, b, c = lst
print("unpacked", rc(lst[0]), rc(lst[2]))
del a, b, c
first, *rest = lst
print("star unpacking", rc(lst[1]), rc(rest))
del first, rest
srt = sorted(lst, key=len)
print("sorted copy", rc(lst[0]))
del srt
mx = max(lst)
print("max result", rc(lst[2]))
del mx
pairs = list(d.items())
print("items list", rc(lst[0]), rc(pairs[0]))
del pairs
for k, v in d.items():
    pass
print("after items loop", rc(lst[1]))
del k, v
print("end", rc(lst[0]), rc(lst[1]), rc(lst[2]))
