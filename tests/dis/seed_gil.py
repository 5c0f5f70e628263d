# The seed notebook's GIL cells (8-11): a countdown run in one thread, then split over two threads.
# Under the GIL the two threads take turns, so the split takes about as long as the single run.
# Run with --stats to see the turns (forced switches every --switch-interval instructions).
#
#   gilpy examples/06_gil.py            (10 million; the notebook used 50_000_000: pass it as argument)
#   gilpy --stats examples/06_gil.py
import sys
import time
from threading import Thread

# In [8]
contador = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000

# In [9]
def contagem_regressiva(n):
    while n > 0:
        n -= 1

# In [10]: SINGLE THREAD (MAIN)
inicio = time.time()
contagem_regressiva(contador)
fim = time.time()
uma = fim - inicio
print(f"Tempo em segundos: {uma}")

# In [11]: MULTI-THREADS
t1 = Thread(target=contagem_regressiva, args=(contador//2,))
t2 = Thread(target=contagem_regressiva, args=(contador//2,))
inicio = time.time()
t1.start()
t2.start()
t1.join()
t2.join()
fim = time.time()
duas = fim - inicio
print(f"Tempo em segundos: {duas}")

print(f"two threads / one thread = {duas / uma:.2f} (the GIL lets one thread run at a time)")
