# copy.deepcopy: nested containers copied all the way down, shared parts stay shared, cycles survive
import copy

data = {'list': [1, [2, 3]], 'tuple': (4, [5]), 'set': {6}, 'str': 'seven', 'nested': {'x': {'y': [8]}}}
dc = copy.deepcopy(data)
print(dc == data, dc is data)
print(dc['list'] is data['list'], dc['list'][1] is data['list'][1])
print(dc['tuple'] is data['tuple'], dc['tuple'][1] is data['tuple'][1], dc['str'] is data['str'])
print(dc['nested']['x']['y'] is data['nested']['x']['y'], dc['set'] is data['set'], dc['set'] == data['set'])
dc['nested']['x']['y'].append(9)
print(data['nested'], dc['nested'])

t = (1, 2, (3, 'four'))
print(copy.deepcopy(t) is t, copy.deepcopy([t])[0] is t)

shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)

# cycles
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b[1] is b, b is not a, len(b))
d = {'name': 'loop'}
d['self'] = d
e = copy.deepcopy(d)
print(e['self'] is e, e is not d, e['name'])

memo = {}
x = [[1], [2]]
y = copy.deepcopy(x, memo)
print(id(x) in memo, memo[id(x)] is y, id(x[0]) in memo, y == x)
z = copy.deepcopy(x, memo)
print(z is y)
