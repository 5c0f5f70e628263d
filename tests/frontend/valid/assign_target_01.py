# Attribute and subscript targets
class Config:
    pass


cfg = Config()
cfg.name = "demo"
cfg.options = {}
cfg.options["verbose"] = True
cfg.options["level"] = cfg.options.get("level", 0) + 1
data = list(range(10))
data[0] = -1
data[-1] = data[-2]
data[2:4] = [20, 30]
data[::2] = [0] * 5
data[1:8:3] = "abc"
