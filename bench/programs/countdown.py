# The seed's countdown (cells 8-10): a loop of nine instructions an iteration.
import sys
import time

def contagem_regressiva(n):
    while n > 0:
        n -= 1

contador = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000
inicio = time.time()
contagem_regressiva(contador)
fim = time.time()
print(f"Tempo em segundos: {fim - inicio}")
