def deep(n):
    if n > 0:
        for i in range(n):
            while i:
                try:
                    with open("f") as f:
                        if f:
                            for line in f:
                                if line:
                                    try:
                                        def inner():
                                            class K:
                                                def m(self):
                                                    if self:
                                                        return [[[[i]]]]
                                            return K
                                    except Exception:
                                        pass
                                    finally:
                                        pass
                finally:
                    i -= 1
    return (((((((((n)))))))))
