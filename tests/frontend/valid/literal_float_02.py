import math

ratios = [0.1, 0.2, 0.30000000000000004, 1 / 3]
tiny = 1e-400
exps = [1e0, 1e1, 1e+1, 1.e2, .1e-2, 0e0, 00e00]
inf_expr = 1e309 - 1e309
nan = float("nan")
tau = 2 * math.pi
half = 0.5.as_integer_ratio()
dot = 1..real
sci = 6.02214076e23
planck = 6.62607015E-34
