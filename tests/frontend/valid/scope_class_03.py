def make_class(value):
    class Local:
        attr = value

        def get(self):
            return value

        def shadow(self, value=None):
            return value

        other = attr * 2

    return Local


def class_in_closure():
    counter = 0

    class Tracker:
        nonlocal counter
        counter += 1
        count = counter

    return Tracker, counter
