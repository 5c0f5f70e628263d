# Values are references: mutating through the dict and through aliases.
lst = [1]
d = {"k": lst, "k2": lst}
d["k"].append(2)
print(d, lst, d["k"] is d["k2"])
e = d.copy()
e["k"].append(3)
e["k3"] = "only e"
print(d, e)
d["k"] = "rebound"
print(d["k"], e["k"], lst)
counter = {"n": 0}
alias = counter
alias["n"] += 5
counter["n"] *= 2
print(counter, alias, counter is alias)
m = {}
m["a"] = m.get("a", []) + [1]
m["a"] = m.get("a", []) + [2]
print(m)
