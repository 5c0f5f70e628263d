class Builder:
    def __init__(self):
        self.parts = []

    def add(self, *parts, sep=""):
        self.parts.append(sep.join(parts))
        return self

    def build(self):
        return "".join(self.parts)


result = (
    Builder()
    .add("a", "b")
    .add("c", sep="-")
    .add(*"xyz", sep="+")
    .build()
)
chain = Builder().add("x").add("y").build().upper().split()[0]
