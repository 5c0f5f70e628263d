# The seed's countdown split over two threads: each counts its half down to zero.
import sys
from threading import Thread

results = {}

def contagem_regressiva(name, n):
    while n > 0:
        n -= 1
    results[name] = n

n = 2_000_000
t1 = Thread(target=contagem_regressiva, args=("a", n // 2))
t2 = Thread(target=contagem_regressiva, args=("b", n // 2))
t1.start(); t2.start(); t1.join(); t2.join()
print(sys._is_gil_enabled(), results["a"], results["b"])
