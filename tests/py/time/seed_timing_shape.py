# The seed's timing pattern (cells 8-10): compute elapsed time but print only facts about it.
import time
contador = 100_000


def contagem_regressiva(n):
    while n > 0:
        n -= 1


inicio = time.time()
contagem_regressiva(contador)
fim = time.time()
tempo = fim - inicio
print(f"Tempo em segundos: {'positivo' if tempo >= 0 else 'negativo'}")
print(type(tempo).__name__, tempo < 60)
inicio = time.perf_counter()
contagem_regressiva(contador // 2)
contagem_regressiva(contador // 2)
fim = time.perf_counter()
print(fim - inicio >= 0)
