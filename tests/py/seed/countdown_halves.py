# The seed's work split in two halves run one after the other (what threads do under the GIL).
import time
contador = 100_000


def contagem_regressiva(n):
    while n > 0:
        n -= 1
    return n


inicio = time.time()
r1 = contagem_regressiva(contador // 2)
r2 = contagem_regressiva(contador // 2)
fim = time.time()
print(r1, r2, contador // 2)
print("duas metades terminadas:", fim >= inicio)
