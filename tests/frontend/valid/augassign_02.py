import numpy as np

m = np.eye(3)
m @= np.ones((3, 3))
m += 1
m[0] *= 2
m[1:, 1:] -= 0.5
m[..., 0] /= 3


class Acc:
    total = 0


acc = Acc()
acc.total += 5
acc.total **= 2
acc.total //= 7
