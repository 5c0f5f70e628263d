# Collections triggered by allocation alone: a cycle with a __del__ is freed while a loop allocates
# containers, without any gc.collect(); not while the collector is disabled; again once enabled.
import gc

log = []


class Cyc:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        log.append(self.name)


hold = []


def churn(n):
    # containers that stay alive: the count of allocations minus deallocations grows
    for i in range(n):
        hold.append([i])
    return len(hold)


gc.collect()
Cyc("first")
print("right after creation", log)
rounds = 0
while not log and rounds < 50:
    churn(200)
    rounds += 1
print("freed by allocation", log, rounds < 50)

gc.disable()
print("enabled", gc.isenabled())
Cyc("second")
for r in range(20):
    churn(200)
print("while disabled", log)
gc.enable()
print("enabled", gc.isenabled())
rounds = 0
while len(log) < 2 and rounds < 50:
    churn(200)
    rounds += 1
print("after enable", log, rounds < 50)

# threshold 0 disables automatic collection too
gc.set_threshold(0)
Cyc("third")
for r in range(20):
    churn(200)
print("threshold 0", log)
gc.set_threshold(700)
rounds = 0
while len(log) < 3 and rounds < 50:
    churn(200)
    rounds += 1
print("threshold restored", log, rounds < 50)
