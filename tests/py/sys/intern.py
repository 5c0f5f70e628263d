# sys.intern returns one canonical object for equal strings.
import sys
a = "".join(["hello ", "world!"])
b = "".join(["hello", " world!"])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia == ib, ia is ib, ia is sys.intern("hello world!"))
c = sys.intern("".join(["x", "y", "z"]))
print(c is sys.intern("xyz"), c == "xyz")
s1 = "abc" * 100
s2 = "abc" * 100
print(s1 == s2, sys.intern(s1) is sys.intern(s2))
print(type(sys.intern("t")).__name__)
