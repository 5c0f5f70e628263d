# Fresh objects: a temporary has only getrefcount's reference; a list element has its list's.
import sys
print(sys.getrefcount([]))
print(sys.getrefcount({}))
outer = [[]]
print(sys.getrefcount(outer[0]))
print(sys.getrefcount(outer))
inner = outer[0]
print(sys.getrefcount(outer[0]))
outer.append(inner)
print(sys.getrefcount(inner))
del outer
print(sys.getrefcount(inner))
nested = [[[]]]
print(sys.getrefcount(nested[0][0]), sys.getrefcount(nested[0]), sys.getrefcount(nested))
