# Worker processes fed through a multiprocessing.Queue: the parent puts jobs in one queue, each of three
# workers takes jobs until it gets None, and puts its results in another queue. A Queue lives outside
# every process's heap, so all of them can use it; what goes through it is pickled. Look for 20
# answers, `True True` (every job done exactly once, whichever worker took it) and exit codes 0.
from multiprocessing import Process, Queue, current_process


def worker(jobs, results):
    done = 0
    while True:
        job = jobs.get()
        if job is None:
            break
        n = job
        results.put((n, sum(i * i for i in range(n))))
        done += 1
    results.put(('done', current_process().name, done))


if __name__ == '__main__':
    jobs, results = Queue(), Queue()
    workers = [Process(target=worker, args=(jobs, results)) for _ in range(3)]
    for w in workers:
        w.start()
    for n in range(1, 21):
        jobs.put(n * 1000)
    for _ in workers:
        jobs.put(None)
    answers, finished = {}, []
    while len(finished) < len(workers):
        item = results.get()
        if item[0] == 'done':
            finished.append(item)
        else:
            answers[item[0]] = item[1]
    for w in workers:
        w.join()
    print(f"{len(answers)} answers, e.g. sum of squares below 5000 = {answers[5000]}")
    print("every job done once:", sorted(answers) == [n * 1000 for n in range(1, 21)],
          sum(done for _, _, done in finished) == 20)
    print("exit codes:", [w.exitcode for w in workers])
