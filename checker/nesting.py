"""How deep structured input may nest, and how to tell: configuration (TOML), baselines
(JSON) and Markdown front matter (YAML) are files a CI job reads from a pull request, so a
deeply nested one must be a clear error (exit 2), not a RecursionError (exit 1, which CI
reads as "findings"). No real configuration, baseline or front matter nests beyond a few
levels."""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 32


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and dicts nest more than `limit` levels (iteratively: no recursion to overflow)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def depth_message(limit: int = MAX_DEPTH) -> str:
    return f"nested more than {limit} levels deep"
