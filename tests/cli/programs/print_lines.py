# Processes printing at the same time: every line arrives whole (one print call is never interleaved
# with another process's). The lines are counted, not listed, since their order depends on timing.
import sys
from multiprocessing import Process


def shout(tag, n):
    for i in range(n):
        print(f'{tag}:{i:05d}:' + tag * 200)


if __name__ == '__main__':
    ps = [Process(target=shout, args=(tag, 1000)) for tag in 'ABC']
    for p in ps:
        p.start()
    for p in ps:
        p.join()
