# A class hierarchy with properties whose generators raise and handle exceptions
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field

class Shape:
    registry = []
    def __init__(self, name):
        self._name = name
        Shape.registry.append(self)
    @property
    def name(self):
        return self._name
    @name.setter
    def name(self, v):
        if not v:
            raise ValidationError("name", "empty")
        self._name = v
    def area(self):
        raise NotImplementedError
    def describe(self):
        yield f"{type(self).__name__} {self.name}"
        try:
            yield f"area {self.area():.2f}"
        except NotImplementedError:
            yield "area unknown"

class Rect(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, name, s):
        super().__init__(name, s, s)
    def describe(self):
        yield from super().describe()
        yield "a square"

def validated(shapes):
    for s in shapes:
        try:
            if s.area() <= 0:
                raise ValidationError(s.name, "non-positive area")
            yield s
        except NotImplementedError:
            print("skipping abstract", s.name)
        except ValidationError as e:
            print("invalid:", e, "| field:", e.field)

shapes = [Rect("r1", 2, 3), Shape("blob"), Square("sq", 4), Rect("flat", 0, 5)]
for s in validated(shapes):
    print(list(s.describe()))
print([line for s in shapes for line in s.describe()])
try:
    shapes[0].name = ""
except ValidationError as e:
    print("ValidationError:", e)
print(len(Shape.registry), Square.__mro__[1].__name__, isinstance(shapes[2], (Rect, int)))
