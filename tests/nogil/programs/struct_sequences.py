# Struct sequences made and read on the workers' JS threads, which boot no sys module of their own:
# sys.version_info's repr, time.struct_time built from 9 to 11 items (tm_zone and tm_gmtoff past the
# items), gmtime's zone, strftime reading them, copies and pickles. Each thread's results are compared
# with the main thread's.
import copy
import pickle
import sys
import threading
import time


def facts():
    g = time.gmtime(86400)
    s = time.struct_time((2000, 7, 1, 12, 30, 0, 5, 183, 0, 'ABC', -5400))
    try:
        time.struct_time((1,) * 12)
    except TypeError as e:
        err = str(e)
    return (repr(sys.version_info), repr(g), g.tm_zone, g.tm_gmtoff, len(s), s.tm_zone, s.tm_gmtoff,
            time.strftime('%Z %z', s), copy.copy(s).tm_gmtoff, pickle.loads(pickle.dumps(s)).tm_zone,
            time.struct_time((1,) * 9).tm_zone, err)


expected = facts()
results = []


def work():
    for _ in range(50):
        results.append(facts() == expected)


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), all(results), expected[0][:16], expected[3:8])
