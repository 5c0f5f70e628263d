# Seed cells 8-10 with a small countdown: the single-thread run, printing only that it finished.
import time
contador = 100_000


def contagem_regressiva(n):
    while n > 0:
        n -= 1


inicio = time.time()
contagem_regressiva(contador)
fim = time.time()
print("contagem terminada:", fim - inicio >= 0)
