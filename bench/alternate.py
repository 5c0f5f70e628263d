# Times commands alternately, round after round, so that a load that comes and goes falls on all of them:
# wall time and CPU time (user + system of the child and all its threads, from os.wait4) of each run,
# reported as min, first quartile and median, with the load average seen.
# Usage: python3 bench/alternate.py ROUNDS 'label=command ...' ['label=command ...' ...]
# e.g.   python3 bench/alternate.py 15 'gilpy=dist/gilpy bench/programs/fib.py 27' 'python3=python3 bench/programs/fib.py 27'
# (a benchmark tool, as python3 is the benchmarks' yardstick: gilpy itself never runs it)
import os
import subprocess
import sys
import time

rounds = int(sys.argv[1])
commands = [arg.split('=', 1) for arg in sys.argv[2:]]
wall = {label: [] for label, _ in commands}
cpu = {label: [] for label, _ in commands}
loads = []
for _ in range(rounds):
    for label, command in commands:
        start = time.perf_counter()
        child = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall[label].append((time.perf_counter() - start) * 1000)
        cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
        if status != 0:
            sys.exit(f'{label}: exit status {status}')
    loads.append(os.getloadavg()[0])


def summary(values):
    values = sorted(values)
    return f'min {values[0]:6.0f} q1 {values[len(values) // 4]:6.0f} median {values[len(values) // 2]:6.0f}'


for label, _ in commands:
    print(f'{label:10s} wall ms {summary(wall[label])} | cpu ms {summary(cpu[label])}')
print(f'load average {min(loads):.1f}-{max(loads):.1f}')
