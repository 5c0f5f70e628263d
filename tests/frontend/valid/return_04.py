class Stack:
    def __init__(self):
        self._items = []

    def pop(self):
        try:
            return self._items.pop()
        except IndexError:
            return None
        finally:
            pass

    def peek(self):
        return self._items[-1] if self._items else None

    def snapshot(self):
        return *self._items,

    def top_two(self):
        return [*self._items[-2:]], len(self._items)
