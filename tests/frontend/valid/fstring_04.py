data = {"k": 1}
items = [1, 2, 3]
flag = True
a = f"{ {'a': 1}['a'] }"
b = f"{(lambda v: v * 2)(3)}"
c = f"{'yes' if flag else 'no'}"
d = f"{data['k']}"
e = f"{items[1:]!r}"
g = f"{[i * 2 for i in items]}"
h = f"{ {i for i in items} }"
i = f"{(x := 10)}"
j = f"{dict(a=1)}"
k = f"{','.join(map(str, items))}"
