class Holder:
    pass


h = Holder()
h.value: int
h.value: int = 5
h.other: "str" = "x"
arr = [0, 1, 2]
arr[0]: int = 2
arr[1]: int
d = {}
d["k"]: str = "v"
d[1, 2]: tuple
h.attr: bool = (True)
(h.value): int = 6
(arr[2]): int
