# Unpickling that fails half-way (in a __setstate__ inside a list, a dict and a set) leaves nothing
# alive; a tuple that contains itself through a list comes back as one tuple.
import pickle
class Bad:
    def __setstate__(self, state):
        raise ValueError('no state')
b = Bad()
b.x = 1
data = pickle.dumps([[1, 2], {'k': [b]}, {3}])
for i in range(3):
    try:
        pickle.loads(data)
    except ValueError as e:
        print('ValueError', e)
t = ([],)
t[0].append(t)
r = pickle.loads(pickle.dumps(t))
print(r[0][0] is r)
