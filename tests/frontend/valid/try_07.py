while True:
    try:
        n = int(input())
    except EOFError: break
    except ValueError: continue
    else: print(n)
    finally: pass
try: import cPickle as pickle
except ImportError: import pickle
