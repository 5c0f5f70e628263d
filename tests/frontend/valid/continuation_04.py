class Long(object,
           metaclass=type):
    def method(self,
               arg):
        return [
            item
            for item in arg
            if item
        ]


matrix = [[1, 2, 3],
          [4, 5, 6]]
call = dict(
    a=1,
    b=2,
)[
    "a"
]
