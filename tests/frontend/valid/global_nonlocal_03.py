state = "idle"


def machine():
    events = []

    def fire(name):
        global state
        nonlocal events
        events = events + [name]
        state = name

    def history():
        return list(events)

    return fire, history


def creates_global():
    global brand_new
    brand_new = 42
