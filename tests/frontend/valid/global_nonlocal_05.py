def a():
    v = "a"

    def b():
        def c():
            nonlocal v
            v = "c"

            def d():
                global v
                v = "global"

            return d

        return c

    return b


v = None


class K:
    global v
    v = 1
