class Stats:
    def __init__(self, data):
        self.data = data

    def summary(self):
        if not (count := len(self.data)):
            return None
        return {
            "count": count,
            "mean": (mean := sum(self.data) / count),
            "spread": [dev for x in self.data if (dev := abs(x - mean)) > 0],
            "max_dev": dev if self.data else 0,
        }


def outer():
    def inner():
        return [last := x for x in range(3)]
    result = inner()
    return result
