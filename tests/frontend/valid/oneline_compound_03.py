def classify(n):
    if n < 0: return "neg"
    if n == 0: return "zero"
    for d in range(2, n):
        if n % d == 0: return "composite"
    else: return "prime-ish"


class Node:
    def __init__(self, v): self.v = v; self.next = None
    def __repr__(self): return f"Node({self.v})"
    def __len__(self): return 1 if self.next is None else 1 + len(self.next)
