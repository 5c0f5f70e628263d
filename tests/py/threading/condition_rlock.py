# Condition over an RLock (the default): re-entrant holders can wait, notify wakes one at a time
import threading

cond = threading.Condition()
state = {"turn": 0}
log = []

def player(me, rounds):
    for _ in range(rounds):
        with cond:
            with cond:              # re-entrant
                while state["turn"] != me:
                    cond.wait()
                log.append(me)
                state["turn"] = (me + 1) % 3
                cond.notify_all()

ts = [threading.Thread(target=player, args=(i, 4)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(log)

r = threading.RLock()
def nested(depth):
    with r:
        return depth if depth == 0 else nested(depth - 1) + 1
print(nested(5))
c2 = threading.Condition(threading.Lock())
with c2:
    c2.notify()
    print(repr(c2).startswith("<Condition(<locked _thread.lock object"))
