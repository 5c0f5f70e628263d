def reset(state):
    state.count = state.errors = state.warnings = 0
    state.items = state.seen = None
    local = state.last = state.first = ()
    return local


def swap(seq, i, j):
    seq[i], seq[j] = seq[j], seq[i]
    a = b = seq[i]
    return a is b
