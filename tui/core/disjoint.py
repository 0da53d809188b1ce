"""Disjoint sets of (name, index) nodes: sentences of several versions joined by the passages
that align them (families), or passages joined by the sentences they share (direction)."""

from __future__ import annotations

Node = tuple[str, int]


class DisjointSets:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, x: Node) -> Node:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
