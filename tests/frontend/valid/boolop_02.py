def first_truthy(*values, default=None):
    for v in values:
        if v:
            return v
    return default


name = None
display = name or "anonymous"
size = len(name or "") or 0
valid = name is not None and len(name) > 0 and name.isidentifier()
fallback = first_truthy(0, "", None) or first_truthy(1) and "yes"
