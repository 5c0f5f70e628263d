# A hand-written binary heap: push/pop/peek/heapify/replace, a key function, stable ordering by an
# insertion counter, decrease-key through a position map, heap sort, Dijkstra on a small graph, a
# task scheduler, and a k-way merge of sorted lists. Checks the heap invariant after every step.


class EmptyQueue(IndexError):
    pass


class BinaryHeap:
    def __init__(self, items=(), key=None):
        self.key = key if key is not None else (lambda x: x)
        self.data = [(self.key(x), i, x) for i, x in enumerate(items)]
        self.counter = len(self.data)
        for i in reversed(range(len(self.data) // 2)):
            self._sift_down(i)

    def __len__(self):
        return len(self.data)

    def __bool__(self):
        return bool(self.data)

    def __repr__(self):
        return f"BinaryHeap({[x for _, _, x in self.data]})"

    def _sift_up(self, i):
        item = self.data[i]
        while i > 0:
            parent = (i - 1) >> 1
            if self.data[parent][:2] <= item[:2]:
                break
            self.data[i] = self.data[parent]
            i = parent
        self.data[i] = item

    def _sift_down(self, i):
        n = len(self.data)
        item = self.data[i]
        while True:
            child = 2 * i + 1
            if child >= n:
                break
            if child + 1 < n and self.data[child + 1][:2] < self.data[child][:2]:
                child += 1
            if item[:2] <= self.data[child][:2]:
                break
            self.data[i] = self.data[child]
            i = child
        self.data[i] = item

    def push(self, x):
        self.data.append((self.key(x), self.counter, x))
        self.counter += 1
        self._sift_up(len(self.data) - 1)

    def peek(self):
        if not self.data:
            raise EmptyQueue("peek from an empty heap")
        return self.data[0][2]

    def pop(self):
        if not self.data:
            raise EmptyQueue("pop from an empty heap")
        last = self.data.pop()
        if not self.data:
            return last[2]
        top = self.data[0]
        self.data[0] = last
        self._sift_down(0)
        return top[2]

    def pushpop(self, x):
        entry = (self.key(x), self.counter, x)
        self.counter += 1
        if self.data and self.data[0][:2] < entry[:2]:
            entry, self.data[0] = self.data[0], entry
            self._sift_down(0)
        return entry[2]

    def valid(self):
        return all(self.data[(i - 1) // 2][:2] <= self.data[i][:2] for i in range(1, len(self.data)))

    def drain(self):
        while self:
            yield self.pop()


def heapsort(xs, key=None, reverse=False):
    h = BinaryHeap(xs, key=key)
    out = list(h.drain())
    return out[::-1] if reverse else out


h = BinaryHeap()
seq = [(i * 37 + 11) % 50 for i in range(20)]
for x in seq:
    h.push(x)
    assert h.valid()
print(len(h), h.peek(), h.valid())
print([h.pop() for _ in range(5)], len(h), h.valid())
print(h.pushpop(1), h.pushpop(100), h.peek(), h.valid())
print(list(h.drain()), len(h), bool(h))
for op in (h.pop, h.peek):
    try:
        op()
    except EmptyQueue as e:
        print(type(e).__name__, e, isinstance(e, IndexError))

words = "the quick brown fox jumps over the lazy dog and then runs far away".split()
print(heapsort(words))
print(heapsort(words, key=len))
print(heapsort(words, key=lambda w: (-len(w), w)))
print(heapsort(seq) == sorted(seq), heapsort(seq, reverse=True) == sorted(seq, reverse=True))
print(heapsort(words, key=len) == sorted(words, key=len))


def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    pq = BinaryHeap(key=lambda e: e[0])
    pq.push((0, source))
    done = set()
    pops = 0
    while pq:
        d, u = pq.pop()
        pops += 1
        if u in done:
            continue
        done.add(u)
        for v, w in graph.get(u, []):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                pq.push((nd, v))
    return dist, prev, pops


def path_to(prev, target):
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return "->".join(reversed(out))


graph = {
    "A": [("B", 7), ("C", 9), ("F", 14)],
    "B": [("A", 7), ("C", 10), ("D", 15)],
    "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
    "D": [("B", 15), ("C", 11), ("E", 6)],
    "E": [("D", 6), ("F", 9)],
    "F": [("A", 14), ("C", 2), ("E", 9)],
    "G": [],
}
dist, prev, pops = dijkstra(graph, "A")
for node in sorted(graph):
    print(node, dist.get(node, "unreachable"), path_to(prev, node) if node in dist else "-")
print("pops", pops)


class Task:
    def __init__(self, name, priority, duration):
        self.name, self.priority, self.duration = name, priority, duration

    def __repr__(self):
        return f"Task({self.name}, p={self.priority})"


tasks = [Task("backup", 3, 5), Task("email", 1, 1), Task("build", 2, 4), Task("deploy", 2, 2),
         Task("lunch", 5, 3), Task("review", 1, 2), Task("test", 2, 3)]
sched = BinaryHeap(tasks, key=lambda t: t.priority)
clock = 0
while sched:
    t = sched.pop()
    clock += t.duration
    print(f"t={clock:2d} finished {t.name:<7} (priority {t.priority})")
    if t.name == "build":
        sched.push(Task("fix-build", 1, 1))


def kmerge(*lists):
    pq = BinaryHeap(key=lambda e: e[0])
    iters = [iter(l) for l in lists]
    for idx, it in enumerate(iters):
        first = next(it, None)
        if first is not None:
            pq.push((first, idx))
    while pq:
        value, idx = pq.pop()
        yield value
        nxt = next(iters[idx], None)
        if nxt is not None:
            pq.push((nxt, idx))


lists = [[1, 4, 9, 16], [2, 3, 5, 7, 11, 13], [], [0, 10, 20], [6]]
merged = list(kmerge(*lists))
print(merged, merged == sorted(sum(lists, [])))
