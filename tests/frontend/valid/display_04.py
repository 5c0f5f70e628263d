def merge(*dicts, **overrides):
    return {**{k: v for d in dicts for k, v in d.items()}, **overrides}


def concat(*seqs):
    return [*(x for s in seqs for x in s)]


defaults = {"color": "red", "size": 1}
custom = merge(defaults, {"size": 2}, shape="circle")
joined = concat([1], (2,), {3})
unpacked_call = [*merge(), *concat()]
