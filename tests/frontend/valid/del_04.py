import numpy as np

arr = {i: np.arange(i) for i in range(5)}
del arr[0], arr[1]
matrix = [list(range(4)) for _ in range(4)]
del matrix[1:3][0]
del matrix[0][::2]
del (matrix[0], matrix[1],)
del [matrix[-1]],
