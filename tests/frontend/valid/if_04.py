def grade(score):
    if score >= 90: return "A"
    elif score >= 80: return "B"
    elif score >= 70: return "C"
    else: return "F"


def nested_else(a, b):
    if a:
        pass
    else:
        if b:
            return 1
        else:
            if a is None:
                return 2
    return 3
