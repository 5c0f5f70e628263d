# ChainMap, UserDict and UserList
from collections import ChainMap, UserDict, UserList
import copy

defaults = {'color': 'red', 'user': 'guest', 'size': 1}
env = {'user': 'admin'}
cli = {}
cm = ChainMap(cli, env, defaults)
print(cm, cm['user'], cm['color'], len(cm), list(cm), 'size' in cm, cm.get('nope', 0))
cm['color'] = 'blue'
print(cli, cm['color'], defaults['color'])
print(cm.keys(), list(cm.items()), list(cm.values()), ('user', 'admin') in cm.items(), 'red' in cm.values())
child = cm.new_child({'size': 9}, extra=True)
print(child, child['size'], child.parents == cm, child.maps[1] is cli)
print(child.parents.parents, ChainMap(), bool(ChainMap({})), bool(cm))
del cm['color']
print(cm['color'], cm.pop('zz', 'default'))
for bad in [lambda: cm.__delitem__('user'), lambda: ChainMap().popitem(), lambda: cm['missing'], lambda: cm.pop('user')]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)
print(ChainMap.fromkeys('ab', 0), cm | {'new': 1}, {'x': 0} | cm, dict(cm) == cm)
cc = cm.copy()
cc['only'] = 'copy'
print('only' in cm, 'only' in cc, cc.maps[1] is env)
cm |= {'merged': 1}
print(cli, cm.setdefault('size', 100), cm.setdefault('fresh', 5), cli)
cm.update(a=1)
print(sorted(cli), len(cm))


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __missing__(self, key):
        return f'no {key}'


ud = Lower({'A': 1}, B=2)
ud['C'] = 3
print(ud, ud['a'], ud['zz'], len(ud), 'b' in ud, ud.get('zz', 'dflt'), list(ud.items()), ud.data)
print(ud == {'a': 1, 'b': 2, 'c': 3}, ud.pop('a'), ud.popitem(), ud, type(ud.copy()).__name__)
print(UserDict(x=1) | {'y': 2}, {'w': 0} | UserDict(x=1), UserDict.fromkeys('pq', 7))
u2 = copy.copy(UserDict(k=[1]))
print(u2, type(u2).__name__)
try:
    UserDict()['nope']
except KeyError as e:
    print('KeyError', e)
u3 = UserDict(a=1)
u3.clear()
print(u3, len(u3))

ul = UserList([3, 1, 2])
ul.append(5)
ul.extend(UserList([0]))
print(ul, len(ul), ul[0], ul[1:3], type(ul[1:3]).__name__, 5 in ul)
ul.sort()
print(ul, ul + [9], [9] + ul, ul * 2, ul == [0, 1, 2, 3, 5], ul < UserList([1]), ul.index(3), ul.count(1))
ul.reverse()
ul.insert(1, 'x')
ul.remove('x')
ul[0] = 50
del ul[-1]
print(ul, ul.pop(), ul.pop(0), ul, list(reversed(ul)))
ul += (7, 8)
ul *= 2
print(ul, ul.copy(), type(ul.copy()).__name__, copy.copy(ul) == ul)
try:
    hash(ul)
except TypeError as e:
    print(e)
