class BST:
    class _Node:
        __slots__ = "key", "val", "left", "right"

        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None

    def __init__(self):
        self.root = None

    def insert(self, key, val=None):
        def _insert(node):
            if node is None:
                return BST._Node(key, val)
            if key < node.key:
                node.left = _insert(node.left)
            elif key > node.key:
                node.right = _insert(node.right)
            else:
                node.val = val
            return node

        self.root = _insert(self.root)

    def __contains__(self, key):
        node = self.root
        while node and node.key != key:
            node = node.left if key < node.key else node.right
        return node is not None

    def inorder(self):
        stack, node = [], self.root
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            yield node.key, node.val
            node = node.right

    def height(self, node=...):
        node = self.root if node is ... else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))
