import numpy as np

m = np.zeros((3, 4, 5))
i, j = 0, 1
t1 = m[i, j]
t2 = m[1:2, ::3]
t3 = m[..., 0]
t4 = m[:, :, ::-1]
t5 = m[i, :, j:]
t6 = m[(i, j)]
t7 = m[i,]
t8 = m[(i,)]
t9 = m[()]
t10 = m[None, ..., None]
t11 = m[1:2, 3]
