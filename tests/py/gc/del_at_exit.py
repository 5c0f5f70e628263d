# At the end of the program the globals of __main__ are released, so their __del__ runs (CPython's
# interpreter shutdown).
class A:
    def __del__(self):
        print("del at exit")
a = A()
print("end")
