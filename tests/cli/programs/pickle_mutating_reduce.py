# A reduction that empties the containers being pickled: no freed object is used (the pickler holds
# what it is writing); a dict that changed size is an error, as in CPython.
import pickle
class Victim:
    def __init__(self, n): self.n = n
class Evil:
    def __reduce__(self):
        box.clear()
        table.clear()
        return (int, (7,))
table = {}
box = [Evil(), Victim(1), [Victim(2)], 'x' * 40]
r = pickle.loads(pickle.dumps(box))
print(type(r).__name__, r[0])
table = {'a': Evil(), 'b': Victim(3), 'c': [Victim(4)]}
box = []
r = pickle.loads(pickle.dumps(table))
print(type(r).__name__, r['a'])
