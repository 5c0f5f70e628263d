items = ["a", "b"]
table = {
    f"key_{i}": f"{v.upper()}-{i:03d}"
    for i, v in enumerate(items)
}
msgs = [f"{k}={v!r}" for k, v in table.items() if f"{k}"]
lam = lambda s: f"<{s}>"
fmt = "{:>5}"
mixed = f"{fmt.format(1)}|{lam('z')}|{table!s:.10}"
yielding = (f"{n}" for n in range(3))
