def make_handlers(names):
    handlers = {}
    for name in names:
        handlers[name] = lambda event, name=name: (name, event)
    late = [lambda: name for name in names]
    early = [lambda name=name: name for name in names]
    return handlers, late, early


table = {k: (lambda v, k=k: v * k) for k in range(3)}
pairs = sorted({"b": 2, "a": 1}.items(), key=lambda kv: (kv[1], kv[0]))
