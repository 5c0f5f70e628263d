def running_totals(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


def find_long(words, limit=3):
    if any(len(last := w) > limit for w in words):
        return last
    return None


def first_match(pairs):
    return [(k, v) for k, v in pairs if (hit := v) is not None], hit
