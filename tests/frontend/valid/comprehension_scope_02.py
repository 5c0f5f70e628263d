class Config:
    keys = ["a", "b"]
    default = 0
    # The first iterator (keys) is evaluated in the class scope and works.
    table = {k: None for k in keys}
    # Later iterators and the element expression cannot see class names;
    # "keys" here refers to a global of that name.
    cross = [(k, j) for k in keys for j in range(2)]


keys = ["global"]
