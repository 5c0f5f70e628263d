def outer():
    x = "outer"

    def shadow():
        x = "shadow"

        def sees_shadow():
            return x

        return sees_shadow

    def sees_outer():
        return x

    def assigns_later():
        y = x
        return y

    return shadow, sees_outer, assigns_later


def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    i = 10
    return fns
