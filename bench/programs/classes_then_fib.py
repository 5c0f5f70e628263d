# A few classes, dicts, f-strings, try/except, a generator and a comprehension, then fib(N): a program
# whose module code runs many of the loop's handlers before its calls, for V8's compile of the loop
# (docs/STARTUP.md). Usage: gilpy bench/programs/classes_then_fib.py [N] (also python3).
import sys
class A:
    def __init__(self, x): self.x = x
    def m(self): return self.x
d = {}
for i in range(30):
    a = A(i); d[str(i)] = [a.m(), (i, i * 2.5)]; s = f"{i:>4}" + "x" * 2
    try:
        if i > 28: raise ValueError(s)
    except ValueError as e:
        pass
    g = (k for k in range(3)); lst = [k * 2 for k in g if k]; st = {1, 2} | {3}
    u, *v = [1, 2, 3]; del u
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(int(sys.argv[1]) if len(sys.argv) > 1 else 27))
