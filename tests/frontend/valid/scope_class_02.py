class Base:
    def greet(self):
        return "base"


class Child(Base):
    def greet(self):
        return "child+" + super().greet()

    def klass(self):
        return __class__

    @classmethod
    def create(cls):
        return super().__new__(cls)

    def no_super(self):
        return self
