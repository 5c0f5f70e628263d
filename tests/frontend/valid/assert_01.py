def mean(values):
    assert values
    assert len(values) > 0, "empty input"
    assert all(isinstance(v, (int, float)) for v in values), \
        "non-numeric value"
    total = sum(values)
    assert total == total, f"NaN in {values!r}"
    return total / len(values)
