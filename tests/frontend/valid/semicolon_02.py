def swap(a, b): a, b = b, a; return a, b
def noop(): pass;
global_var = 1; assert global_var; del global_var
try: x = 1; y = 2
except Exception: x = y = 0
else: z = x + y
finally: x = None; y = None;
with open("f") as fh: data = fh.read(); fh.close()
import json; from os import path as p; raise SystemExit(0)
