class Parser:
    match = None
    case = "upper"

    def match(self, text, *, case=True):
        _ = self.case
        return text if case else text.lower()


p = Parser()
result = p.match("X", case=False)
match, case = result, p.case
for match in range(2):
    pass
_, *_ = [1, 2, 3]
