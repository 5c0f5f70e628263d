from enum import Enum


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"


TRANSITIONS = {
    State.IDLE: {"start": State.RUNNING},
    State.RUNNING: {"pause": State.PAUSED, "finish": State.DONE},
    State.PAUSED: {"resume": State.RUNNING, "finish": State.DONE},
    State.DONE: {},
}


class Machine:
    def __init__(self, on_change=lambda old, new: None):
        self.state = State.IDLE
        self.on_change = on_change
        self.log: list[tuple[State, str, State]] = []

    def fire(self, event: str) -> State:
        table = TRANSITIONS[self.state]
        if event not in table:
            raise ValueError(f"cannot {event!r} while {self.state.value}")
        old, self.state = self.state, table[event]
        self.log.append((old, event, self.state))
        self.on_change(old, self.state)
        return self.state

    def run(self, *events):
        for e in events:
            try:
                self.fire(e)
            except ValueError as err:
                print(err)
                break
        else:
            return True
        return False


m = Machine(on_change=lambda o, n: print(f"{o.name} -> {n.name}"))
m.run("start", "pause", "resume", "finish", "start")
