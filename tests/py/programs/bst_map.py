# An ordered map on a binary search tree: insert/lookup/delete, in-order iteration with a
# generator (and reversed() through __reversed__), range queries with yield from, height and
# rebalancing, __contains__/__len__/__getitem__/__setitem__/__delitem__, equality with another
# map, a KeyError with the key, and a comparison-counting key class.


class Counted:
    """A key that counts its comparisons."""
    comparisons = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Counted.comparisons += 1
        return self.v < other.v

    def __eq__(self, other):
        Counted.comparisons += 1
        return isinstance(other, Counted) and self.v == other.v

    def __hash__(self):
        return hash(self.v)

    def __repr__(self):
        return f"K{self.v}"


class _Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None


class TreeMap:
    def __init__(self, pairs=()):
        self.root = None
        self.size = 0
        for k, v in pairs:
            self[k] = v

    def __len__(self):
        return self.size

    def _find(self, key):
        node = self.root
        while node is not None:
            if key == node.key:
                return node
            node = node.left if key < node.key else node.right
        return None

    def __contains__(self, key):
        return self._find(key) is not None

    def __getitem__(self, key):
        node = self._find(key)
        if node is None:
            raise KeyError(key)
        return node.value

    def get(self, key, default=None):
        node = self._find(key)
        return default if node is None else node.value

    def __setitem__(self, key, value):
        if self.root is None:
            self.root = _Node(key, value)
            self.size = 1
            return
        node = self.root
        while True:
            if key == node.key:
                node.value = value
                return
            side = "left" if key < node.key else "right"
            child = getattr(node, side)
            if child is None:
                setattr(node, side, _Node(key, value))
                self.size += 1
                return
            node = child

    def __delitem__(self, key):
        self.root, removed = self._delete(self.root, key)
        if not removed:
            raise KeyError(key)
        self.size -= 1

    def _delete(self, node, key):
        if node is None:
            return None, False
        if key == node.key:
            if node.left is None:
                return node.right, True
            if node.right is None:
                return node.left, True
            succ = node.right
            while succ.left is not None:
                succ = succ.left
            node.key, node.value = succ.key, succ.value
            node.right, _ = self._delete(node.right, succ.key)
            return node, True
        if key < node.key:
            node.left, removed = self._delete(node.left, key)
        else:
            node.right, removed = self._delete(node.right, key)
        return node, removed

    def _inorder(self, node):
        if node is not None:
            yield from self._inorder(node.left)
            yield node
            yield from self._inorder(node.right)

    def __iter__(self):
        for node in self._inorder(self.root):
            yield node.key

    def __reversed__(self):
        stack = []
        node = self.root
        while stack or node is not None:
            while node is not None:
                stack.append(node)
                node = node.right
            node = stack.pop()
            yield node.key
            node = node.left

    def items(self):
        return [(n.key, n.value) for n in self._inorder(self.root)]

    def range(self, lo, hi):
        def walk(node):
            if node is None:
                return
            if lo < node.key:
                yield from walk(node.left)
            if lo <= node.key < hi:
                yield node.key
            if node.key < hi:
                yield from walk(node.right)
        return walk(self.root)

    def height(self, node=0):
        if node == 0:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def rebalance(self):
        nodes = list(self._inorder(self.root))

        def build(lo, hi):
            if lo >= hi:
                return None
            mid = (lo + hi) // 2
            n = nodes[mid]
            n.left = build(lo, mid)
            n.right = build(mid + 1, hi)
            return n
        self.root = build(0, len(nodes))

    def __eq__(self, other):
        if not isinstance(other, TreeMap):
            return NotImplemented
        return self.items() == other.items()

    def __repr__(self):
        return "TreeMap({" + ", ".join(f"{k!r}: {v!r}" for k, v in self.items()) + "})"


keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 5, 90, 85]
t = TreeMap((k, str(k)) for k in keys)
print(t)
print(len(t), t.height(), list(t)[:5], list(reversed(t))[:5])
print(40 in t, 41 in t, t[65], t.get(66, "none"))
print(list(t.range(33, 66)), list(t.range(0, 1)), list(t.range(85, 1000)))
for k in (20, 50, 5, 90):
    del t[k]
    print(f"del {k}: {list(t)} height {t.height()} size {len(t)}")
try:
    del t[50]
except KeyError as e:
    print("KeyError", e)
try:
    t[1234]
except KeyError as e:
    print("KeyError", e, e.args)
t[40] = "forty"
t[41] = "new"
print(t.items()[:4], len(t))
print(t == TreeMap(t.items()), t == TreeMap(), t != TreeMap(t.items()[1:]), t == {})

chain = TreeMap((i, i * i) for i in range(60))
print("chain height", chain.height(), "size", len(chain))
chain.rebalance()
print("rebalanced height", chain.height(), list(chain) == list(range(60)), chain[59])
print(list(reversed(chain))[:3], sum(v for k, v in chain.items()))

words = "it was the best of times it was the worst of times it was the age of wisdom".split()
freq = TreeMap()
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4])

Counted.comparisons = 0
ct = TreeMap((Counted((i * 17) % 31), i) for i in range(31))
built = Counted.comparisons
Counted.comparisons = 0
hits = sum(1 for i in range(40) if Counted(i) in ct)
print("built with", built, "comparisons; lookups used", Counted.comparisons, "hits", hits, "height", ct.height())
ct.rebalance()
Counted.comparisons = 0
hits = sum(1 for i in range(40) if Counted(i) in ct)
print("after rebalance lookups used", Counted.comparisons, "hits", hits, "height", ct.height())
print(list(ct)[:6], list(reversed(ct))[:3])

mixed = TreeMap()
mixed[1] = "a"
try:
    mixed["x"] = "b"
except TypeError as e:
    print("TypeError:", e)
