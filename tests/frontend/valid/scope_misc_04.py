def uses_then_assigns():
    print(value)
    value = 1
    return value


def assign_in_branch(flag):
    if flag:
        result = 1
    return result


def loop_vars():
    for i in range(3):
        pass
    with open("f") as fh:
        pass
    try:
        pass
    except Exception as err:
        pass
    return i, fh
