class Registry:
    count = 0

    def register(self, item):
        global LAST_ITEM
        LAST_ITEM = item
        Registry.count += 1

    def make(self):
        total = 0

        def add(n):
            nonlocal total
            total += n
            return total

        return add


LAST_ITEM = None
