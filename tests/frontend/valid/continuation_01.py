total = 1 + \
    2 + \
    3
if total > 1 and \
   total < 10:
    print("between")
assert total, \
    "message"
with open("a") as a, \
        open("b") as b:
    pass
x = [1,
     2,
  3,
        4]
y = {"a":
     1}
z = (1
     +
     2)
