def report(rows, *, width=12):
    header = f"{'name':<{width}}|{'score':>{width // 2}}"
    lines = [header, f"{'-' * (width + width // 2 + 1)}"]
    for name, score in rows:
        lines.append(f"{name:<{width}}|{score:>{width // 2}.1f}")
    total = sum(s for _, s in rows)
    lines.append(f"{'total':<{width}}|{total:>{width // 2}.1f}")
    return "\n".join(lines)
