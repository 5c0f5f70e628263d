# The seed's cell 11, small: the countdown split over two threads (traced at --switch-interval=200).
from threading import Thread

contador = 200
resultados = []


def contagem_regressiva(n):
    while n > 0:
        n -= 1
    resultados.append(n)


t1 = Thread(target=contagem_regressiva, args=(contador//2,))
t2 = Thread(target=contagem_regressiva, args=(contador//2,))
t1.start()
t2.start()
t1.join()
t2.join()
print(resultados)
