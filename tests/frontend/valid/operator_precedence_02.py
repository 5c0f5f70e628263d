import numpy as np

A = np.eye(2)
B = np.ones((2, 2))
C = A @ B
D = A @ B @ C
E = A @ B + C
F = A + B @ C
G = -A @ B
H = A @ -B
I = A * B @ C / 2
J = (A @ B) @ C
K = A @ (B @ C)
