import weakref
from collections import defaultdict
from typing import Callable


class EventBus:
    def __init__(self):
        self._subs: defaultdict[str, list[Callable]] = defaultdict(list)

    def on(self, event: str, /, *, once: bool = False):
        def register(handler):
            if once:
                def wrapper(*a, **kw):
                    self.off(event, wrapper)
                    return handler(*a, **kw)
                self._subs[event].append(wrapper)
            else:
                self._subs[event].append(handler)
            return handler
        return register

    def off(self, event, handler):
        try:
            self._subs[event].remove(handler)
        except ValueError:
            pass

    def emit(self, event, *args, **kwargs):
        return [h(*args, **kwargs) for h in list(self._subs.get(event, ()))]


bus = EventBus()
_refs = weakref.WeakValueDictionary()


@bus.on("greet")
def hello(name):
    return f"hello {name}"


@bus.on("greet", once=True)
def first_only(name):
    return f"first {name}"


print(bus.emit("greet", "ann"), bus.emit("greet", name="bob"))
