# The seed's cell 11: the countdown split over two threads (smaller, and printing relations, not times).
import time
from threading import Thread

contador = 100_000
resultados = []


def contagem_regressiva(n):
    while n > 0:
        n -= 1
    resultados.append(n)


t1 = Thread(target=contagem_regressiva, args=(contador//2,))
t2 = Thread(target=contagem_regressiva, args=(contador//2,))
inicio = time.time()
t1.start()
t2.start()
t1.join()
t2.join()
fim = time.time()
print(resultados, t1.is_alive(), t2.is_alive())
print("duas threads terminadas:", fim >= inicio)
