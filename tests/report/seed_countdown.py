# The seed notebook's cells 8, 9 and 11 (the two-thread countdown), with a smaller count: the browser
# test (tests/report/browser.test.ts) makes its HTML report.
# In [8]
import time
contador = 200_000

# In [9]
def contagem_regressiva(n):
    while n > 0:
        n -= 1

# In [11]: MULTI-THREADS
from threading import Thread
t1 = Thread(target=contagem_regressiva, args=(contador//2,))
t2 = Thread(target=contagem_regressiva, args=(contador//2,))
inicio = time.time()
t1.start()
t2.start()
t1.join()
t2.join()
fim = time.time()
print(f"Tempo em segundos: {fim - inicio}")
