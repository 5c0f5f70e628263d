# pi, e, tau, inf, nan; isfinite, isinf, isnan, isclose.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi * 2 == math.tau, repr(math.pi), str(math.e))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan), math.isfinite(10 ** 300))
print(math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isinf(1e308 * 10))
print(math.isnan(math.nan), math.isnan(1.0), math.isnan(math.inf - math.inf), math.nan == math.nan)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=0.01))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(5, 5), math.isclose(-1.0, -1.0000000001), math.isclose(math.nan, math.nan))
print(math.inf > 10 ** 400, -math.inf < -(10 ** 400), float("inf") == math.inf)
