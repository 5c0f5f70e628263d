from dataclasses import dataclass
import functools as ft


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0

    @ft.cached_property
    def text(self):
        return f"{self.major}.{self.minor}"

    @staticmethod
    def parse(s):
        return Version(*map(int, s.split(".")))

    @classmethod
    @ft.lru_cache
    def latest(cls):
        return cls(3, 11)
