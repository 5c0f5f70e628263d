a = 0
[a]: int = [1]
