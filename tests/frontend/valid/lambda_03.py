class Sorter:
    by_len = lambda self, s: len(s)
    by_first = staticmethod(lambda s: s[0])
    keys = [lambda s: s, lambda s: s.lower()]

    def sort(self, items, key=lambda s: s):
        return sorted(items, key=key)


s = Sorter()
print(s.sort(["b", "A"], key=Sorter.keys[1]), s.by_len("abc"))
