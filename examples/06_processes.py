# The seed notebook's process cells (12 and 13), as written: the countdown split over two processes,
# first with a Pool and apply_async, then with two Process objects. Each process has its own heap (a
# copy of this one at start(), as after fork()) and its own GIL, so the two halves really run at the
# same time on two cores: each form takes about half the time of the single run.
#
#   gilpy examples/06_processes.py            (10 million; the notebook used 50_000_000: pass it)
#
# (Cell 12 starts its clock again after apply_async, as the notebook does, so it times close and join.)
import sys
import time

contador = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000

def contagem_regressiva(n):
    while n > 0:
        n -= 1

if __name__ == '__main__':
    # SINGLE THREAD (MAIN), for comparison
    inicio = time.time()
    contagem_regressiva(contador)
    fim = time.time()
    uma = fim - inicio
    print(f"Tempo em segundos: {uma}")

    # In [12]: MULTI-PROCESSING FORMA 01
    from multiprocessing import Pool
    pool = Pool(processes=2)
    inicio = time.time()
    p1 = pool.apply_async(contagem_regressiva, [contador//2])
    p2 = pool.apply_async(contagem_regressiva, [contador//2])
    inicio = time.time()
    pool.close()
    pool.join()
    fim = time.time()
    print(f"Tempo em segundos: {fim - inicio}")

    # In [13]: MULTI-PROCESSING FORMA 02
    from multiprocessing import Process
    p1 = Process(target=contagem_regressiva, args=(contador//2,))
    p2 = Process(target=contagem_regressiva, args=(contador//2,))
    inicio = time.time()
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    fim = time.time()
    duas = fim - inicio
    print(f"Tempo em segundos: {duas}")

    print(f"two processes / one thread = {duas / uma:.2f} (each process has its own GIL)")
