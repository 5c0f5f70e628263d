# the library modules together, as ordinary programs use them
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict
from functools import lru_cache, reduce, partial, total_ordering, wraps
import copy
import string

# breadth-first search on a grid with a deque
GRID = ['S.#.....',
        '.##.###.',
        '....#...',
        '.##...#E']
Pos = namedtuple('Pos', 'row col')
start = end = None
for r, line in enumerate(GRID):
    for c, ch in enumerate(line):
        if ch == 'S':
            start = Pos(r, c)
        elif ch == 'E':
            end = Pos(r, c)
queue = deque([start])
came_from = {start: None}
while queue:
    cur = queue.popleft()
    if cur == end:
        break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nxt = Pos(cur.row + dr, cur.col + dc)
        if 0 <= nxt.row < len(GRID) and 0 <= nxt.col < len(GRID[0]) and GRID[nxt.row][nxt.col] != '#' \
                and nxt not in came_from:
            came_from[nxt] = cur
            queue.append(nxt)
path = []
node = end
while node is not None:
    path.append(node)
    node = came_from[node]
print(len(path) - 1, path[-1], path[0], path[len(path) // 2])

# word statistics
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
words = [w.strip(string.punctuation).lower() for w in TEXT.split()]
freq = Counter(words)
print(freq.most_common(4), freq['times'], freq['nothing'], freq.total())
by_len = defaultdict(set)
for w in words:
    by_len[len(w)].add(w)
print(sorted((k, sorted(v)) for k, v in by_len.items())[:4])
first_seen = OrderedDict()
for i, w in enumerate(words):
    first_seen.setdefault(w, i)
print(list(first_seen.items())[:5], len(first_seen) == len(freq))
letters = Counter(ch for ch in TEXT.lower() if ch in string.ascii_lowercase)
print(letters.most_common(3), sum(letters.values()) == letters.total())

# a sliding window average and a moving maximum
window = deque(maxlen=3)
averages = []
for x in [4, 8, 15, 16, 23, 42]:
    window.append(x)
    averages.append(round(sum(window) / len(window), 2))
print(averages, window)

# memoised recursion and folding
@lru_cache(maxsize=None)
def partitions(n, largest):
    if n == 0:
        return 1
    return sum(partitions(n - k, k) for k in range(1, min(n, largest) + 1))

print([partitions(n, n) for n in range(1, 16)], partitions.cache_info().currsize > 50)
print(reduce(lambda acc, kv: acc + kv[1], freq.items(), 0), reduce(max, map(len, words)))

# ordering and copying of records
@total_ordering
class Task:
    def __init__(self, priority, name, deps=None):
        self.priority, self.name, self.deps = priority, name, deps or []

    def __eq__(self, other):
        return (self.priority, self.name) == (other.priority, other.name)

    def __lt__(self, other):
        return (self.priority, self.name) < (other.priority, other.name)

    def __repr__(self):
        return f'Task({self.priority}, {self.name!r}, deps={[d.name for d in self.deps]})'


build = Task(2, 'build')
test = Task(3, 'test', [build])
ship = Task(1, 'ship', [build, test])
plan = sorted([test, ship, build])
print(plan, max(plan), ship > build)
snapshot = copy.deepcopy(plan)
snapshot[0].deps[0].name = 'renamed'
print(plan[0].deps[0].name, snapshot[0].deps[0].name, snapshot[2].deps[0] is snapshot[0].deps[0], snapshot[0].deps[1] is snapshot[2])

log = []
def traced(fn):
    @wraps(fn)
    def inner(*args):
        log.append(getattr(fn, '__name__', type(fn).__name__))
        return fn(*args)
    return inner

scale = traced(partial(lambda k, x: k * x, 3))
print([scale(i) for i in range(4)], log[:2], len(log))
