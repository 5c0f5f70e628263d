# TypeError: indexing an int.
data = [10, 20, 30]
print(data[0], data[-1])
n = data[1]
nested = [[1, 2], [3, 4]]
print(nested[1][0], nested[-1][-1])
text = 'abc'
print(text[1], text[-1][0])
print('n is an int:', type(n).__name__)
print("n is", n)
print(n[0])
