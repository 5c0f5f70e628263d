# AttributeError: int has no attribute foo.
n = 42
print(n.bit_length(), n.real)
m = 7
print(m.numerator, m.denominator, m.imag)
print((255).bit_length(), (10).conjugate())
print(type(m).__name__)
print(hasattr(n, 'foo'), hasattr(n, 'real'))
print(n.__class__.__name__)
print("n.foo")
print(n.foo)
