# with: several managers, exceptions passed to __exit__, suppression, and generator-based managers
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with Managed("a") as x, Managed("b") as y:
    print("body", x, y)
with Managed("outer", suppress=True):
    with Managed("inner"):
        raise ValueError("boom")
print("after suppressed")
try:
    with Managed("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
def early():
    with Managed("d"):
        return "returned"
print(early())
for i in range(2):
    with Managed(f"loop{i}"):
        if i == 0:
            continue
        break
class Resource:
    def __init__(self):
        self.log = []
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.log.append("closed")
with Resource() as r:
    r.log.append("used")
print(r.log)
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
