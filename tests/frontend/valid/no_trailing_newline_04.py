class C:
    def m(self):
        pass
    # trailing comment without newline