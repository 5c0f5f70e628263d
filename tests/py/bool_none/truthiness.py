# bool() of every basic kind of value.
values = [0, 1, -1, 0.0, -0.0, 0.5, "", " ", "0", "False", [], [0], (), (None,),
          {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1), 10 ** 100]
for v in values:
    print(repr(v), bool(v), not v)
if []:
    print("empty list is true")
else:
    print("empty list is false")
if "x" and [1]:
    print("both true")
n = 0
while not n:
    n += 1
print("n =", n)
print(bool(), bool(bool), bool(print))
