# Cooperative multitasking with generators as tasks (the classic "tasks are generators" scheduler):
# a round-robin ready queue written as a list, system calls yielded by tasks (sleep, spawn, wait,
# send to a mailbox), exceptions thrown into tasks with throw(), close() running their finally
# blocks, task return values through StopIteration.value, and a deterministic virtual clock.


class SysCall:
    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class Sleep(SysCall):
    def __init__(self, ticks):
        self.ticks = ticks


class Spawn(SysCall):
    def __init__(self, gen, name):
        self.gen = gen
        self.name = name


class Wait(SysCall):
    def __init__(self, tid):
        self.tid = tid


class Send(SysCall):
    def __init__(self, box, msg):
        self.box = box
        self.msg = msg


class Receive(SysCall):
    def __init__(self, box):
        self.box = box


class Cancelled(Exception):
    pass


class Task:
    next_id = 1

    def __init__(self, gen, name):
        self.tid = Task.next_id
        Task.next_id += 1
        self.gen = gen
        self.name = name
        self.send_value = None
        self.throw_value = None
        self.result = None
        self.done = False

    def step(self):
        if self.throw_value is not None:
            exc, self.throw_value = self.throw_value, None
            return self.gen.throw(exc)
        value, self.send_value = self.send_value, None
        return self.gen.send(value)


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.waiting = {}
        self.mailboxes = {}
        self.receivers = {}
        self.tasks = {}
        self.clock = 0
        self.log = []

    def spawn(self, gen, name):
        t = Task(gen, name)
        self.tasks[t.tid] = t
        self.ready.append(t)
        self.log.append(f"{self.clock}: spawn {name}#{t.tid}")
        return t.tid

    def cancel(self, tid):
        t = self.tasks[tid]
        t.throw_value = Cancelled(f"task {t.name} cancelled at {self.clock}")
        self.sleeping = [(w, s) for w, s in self.sleeping if s is not t]
        if t not in self.ready:
            self.ready.append(t)

    def finish(self, task, result):
        task.done = True
        task.result = result
        self.log.append(f"{self.clock}: {task.name}#{task.tid} finished -> {result!r}")
        for waiter in self.waiting.pop(task.tid, []):
            waiter.send_value = result
            self.ready.append(waiter)

    def handle(self, task, call):
        if isinstance(call, Sleep):
            self.sleeping.append((self.clock + call.ticks, task))
            self.sleeping.sort(key=lambda e: (e[0], e[1].tid))
        elif isinstance(call, Spawn):
            task.send_value = self.spawn(call.gen, call.name)
            self.ready.append(task)
        elif isinstance(call, Wait):
            target = self.tasks[call.tid]
            if target.done:
                task.send_value = target.result
                self.ready.append(task)
            else:
                self.waiting.setdefault(call.tid, []).append(task)
        elif isinstance(call, Send):
            if self.receivers.get(call.box):
                r = self.receivers[call.box].pop(0)
                r.send_value = call.msg
                self.ready.append(r)
            else:
                self.mailboxes.setdefault(call.box, []).append(call.msg)
            self.ready.append(task)
        elif isinstance(call, Receive):
            box = self.mailboxes.get(call.box)
            if box:
                task.send_value = box.pop(0)
                self.ready.append(task)
            else:
                self.receivers.setdefault(call.box, []).append(task)
        else:
            task.throw_value = TypeError(f"bad syscall {call!r}")
            self.ready.append(task)

    def run(self, max_ticks=100):
        while (self.ready or self.sleeping) and self.clock <= max_ticks:
            if not self.ready:
                self.clock = self.sleeping[0][0]
                while self.sleeping and self.sleeping[0][0] <= self.clock:
                    self.ready.append(self.sleeping.pop(0)[1])
                continue
            task = self.ready.pop(0)
            try:
                call = task.step()
            except StopIteration as stop:
                self.finish(task, stop.value)
                continue
            except Cancelled as c:
                self.finish(task, f"cancelled: {c}")
                continue
            except Exception as e:
                self.finish(task, f"crashed: {type(e).__name__}: {e}")
                continue
            self.handle(task, call)
        leftover = [t for t in self.tasks.values() if not t.done]
        for t in leftover:
            t.gen.close()
        return leftover


cleanups = []


def ticker(name, period, count):
    try:
        for i in range(count):
            print(f"  [{name}] tick {i}")
            yield Sleep(period)
        return f"{name} ticked {count} times"
    finally:
        cleanups.append(name)


def producer(box, items):
    for item in items:
        yield Send(box, item)
        yield Sleep(1)
    yield Send(box, None)
    return len(items)


def consumer(box):
    total = []
    while True:
        msg = yield Receive(box)
        if msg is None:
            break
        total.append(msg * 2)
        print(f"  consumed {msg}")
    return total


def parent():
    kids = []
    for i in range(3):
        tid = yield Spawn(ticker(f"kid{i}", i + 1, 2), f"kid{i}")
        kids.append(tid)
    results = []
    for tid in kids:
        results.append((yield Wait(tid)))
    return results


def stubborn():
    n = 0
    try:
        while True:
            n += 1
            yield Sleep(2)
    except Cancelled:
        print(f"  stubborn saw cancellation after {n} naps")
        yield Sleep(1)
        return "stubborn cleaned up"


def buggy():
    yield Sleep(1)
    yield "not a syscall"
    return "unreachable"


def crasher():
    yield Sleep(3)
    return 1 // 0


sched = Scheduler()
sched.spawn(parent(), "parent")
sched.spawn(producer("jobs", [1, 2, 3]), "producer")
sched.spawn(consumer("jobs"), "consumer")
stub = sched.spawn(stubborn(), "stubborn")
sched.spawn(buggy(), "buggy")
sched.spawn(crasher(), "crasher")


def canceller(tid):
    yield Sleep(5)
    sched.cancel(tid)
    return "sent cancel"


sched.spawn(canceller(stub), "canceller")
sched.spawn(ticker("forever", 10, 1000), "forever")
left = sched.run(max_ticks=30)
print("clock", sched.clock, "left over:", [t.name for t in left])
for line in sched.log:
    print(line)
print("cleanups:", cleanups)
print({t.name: t.result for t in sched.tasks.values()})
