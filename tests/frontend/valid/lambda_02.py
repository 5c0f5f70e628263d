adder = lambda n: lambda x: x + n
compose = lambda f, g: lambda *a, **k: f(g(*a, **k))
curry3 = lambda a: lambda b: lambda c: a * b * c
print(adder(1)(2), compose(str, abs)(-3), curry3(1)(2)(3))
y_comb = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = y_comb(lambda self: lambda n: 1 if n < 2 else n * self(n - 1))
gen_lambda = lambda: (yield)
