signals = {
    "dc": 1 + 0J,
    "pure": 0.5j,
    "mixed": -1.25 + 3.75j,
    "exp": 1E-3j,
    "under": 1_0.5_0j,
}
for name, z in signals.items():
    print(f"{name}: {z.real:+.2f}{z.imag:+.2f}j")
