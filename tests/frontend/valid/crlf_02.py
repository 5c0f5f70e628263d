class C:
    x = 1

    def m(self):
        return self.x
if True: y = 2
