class Shapes:
    sides = {"tri": 3, "square": 4}
    names = list(sides)
    doubled = {k: v * 2 for k, v in sides.items()}
    total = sum(v for v in sides.values())
    scale = 2
    scaled = [v * 2 for v in sides.values()]
    area = lambda self, n: n * self.scale
    by_name = sorted(sides, key=lambda k: sides.get(k) if False else k)

    def count(self):
        return len(self.sides)
