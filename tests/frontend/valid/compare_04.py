class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __eq__(self, other):
        return self.parts == other.parts


v1, v2, v3 = Version(1), Version(1, 2), Version(2)
ordered = v1 < v2 < v3
between = v1 <= v2 <= v3 and not v3 < v1
distinct = v1 != v2 != v3 != v1
