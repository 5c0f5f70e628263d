class Outer:
    class Inner:
        class Innermost:
            level = 3

        level = 2

    level = 1

    def make(self):
        class Local(self.Inner):
            def level_up(self):
                return self.level + 1
        return Local()


class C: x = 1; y = 2
class D(C): pass
