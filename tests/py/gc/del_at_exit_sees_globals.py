# At exit, a __del__ still sees the module's globals: the collector runs finalizers before it clears.
class A:
    def __del__(self): print("A del", log)
log = []
a = A()
