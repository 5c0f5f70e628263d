# copy.deepcopy of instances: __dict__ copied deeply, __deepcopy__ / __copy__ hooks, subclasses of
# built-in containers, cycles through instances, the library's own types
import copy
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node('root')
kid = root.add(Node('kid'))
kid.add(Node('grandkid'))
clone = copy.deepcopy(root)
print(clone is root, clone.value, [c.value for c in clone.children])
print(clone.children[0].parent is clone, clone.children[0] is kid, clone.children[0].children[0].parent is clone.children[0])


class Custom:
    def __init__(self, items):
        self.items = items

    def __deepcopy__(self, memo):
        print('__deepcopy__ with memo', type(memo).__name__)
        return Custom([x * 10 for x in self.items])


c = copy.deepcopy([Custom([1, 2])])
print(c[0].items)


class Shallow:
    def __init__(self):
        self.data = [1]

    def __copy__(self):
        return 'copied'


s = Shallow()
print(copy.copy(s), copy.deepcopy(s).data, copy.deepcopy(s).data is s.data)


class Bag(list):
    def __init__(self, items, label):
        super().__init__(items)
        self.label = label


b = Bag([[1], [2]], 'lbl')
bc = copy.deepcopy(b)
print(bc, type(bc).__name__, bc.label, bc[0] is b[0], bc == b)

Point = namedtuple('Point', 'x y')
p = Point([1], 2)
pc = copy.deepcopy(p)
print(pc, type(pc).__name__, pc.x is p.x, copy.copy(p) is p)

dq = deque([[1], [2]], maxlen=4)
dqc = copy.deepcopy(dq)
print(dqc, dqc.maxlen, dqc[0] is dq[0], copy.copy(dq)[0] is dq[0])
dd = defaultdict(list, {'a': [1]})
ddc = copy.deepcopy(dd)
ddc['b'].append(2)
print(ddc, ddc['a'] is dd['a'], dd)
cn = Counter('hello')
print(copy.deepcopy(cn), copy.copy(cn) == cn)
od = OrderedDict([('z', [1]), ('a', [2])])
odc = copy.deepcopy(od)
print(odc, odc['z'] is od['z'], type(odc).__name__)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]


sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, 'b'))


class State:
    def __init__(self):
        self.x = 1
        self.cache = 'big'

    def __getstate__(self):
        return {'x': self.x}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = 'rebuilt'


st = copy.deepcopy(State())
print(st.x, st.cache)


# bound methods: a shallow copy is an equal method, a deep copy is bound to a copy of the instance
class Acc:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return self.items


acc = Acc()
m = copy.copy(acc.add)
print(m == acc.add, m.__self__ is acc, m(1), acc.items)
dm = copy.deepcopy(acc.add)
print(dm.__self__ is acc, dm(2), acc.items, dm.__self__.items)
box = [acc, acc.add]
bc = copy.deepcopy(box)
print(bc[1].__self__ is bc[0], bc[0] is acc)
