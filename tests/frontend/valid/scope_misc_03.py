def generator_scope(n):
    data = list(range(n))
    gen = (x * n for x in data)
    return gen


def lambda_scope(factor):
    return lambda x, y=factor: x * y * factor


def class_in_function(arg):
    class Inner:
        val = arg
        def method(self):
            return arg
    return Inner
