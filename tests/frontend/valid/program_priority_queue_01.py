import heapq
import itertools
from typing import Any, Generic, TypeVar

T = TypeVar("T")
REMOVED = object()


class PriorityQueue(Generic[T]):
    def __init__(self) -> None:
        self._heap: list[list[Any]] = []
        self._entries: dict[T, list[Any]] = {}
        self._counter = itertools.count()

    def push(self, item: T, priority: int = 0) -> None:
        if item in self._entries:
            self.remove(item)
        entry = [priority, next(self._counter), item]
        self._entries[item] = entry
        heapq.heappush(self._heap, entry)

    def remove(self, item: T) -> None:
        entry = self._entries.pop(item)
        entry[-1] = REMOVED

    def pop(self) -> T:
        while self._heap:
            *_, item = heapq.heappop(self._heap)
            if item is not REMOVED:
                del self._entries[item]
                return item
        raise KeyError("pop from an empty priority queue")

    def __len__(self) -> int:
        return len(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)
