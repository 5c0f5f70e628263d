counter = 0
config = None


def increment():
    global counter
    counter += 1
    return counter


def configure(**options):
    global config, counter
    config = dict(options)
    counter = 0
