"""The figure reader run on its own, for tests of reading: every figure in a text, read by
checker.extract.figures over a document prepared as the engine prepares it, in the order
the quantity extractor visits them, without the engine's later judgments about what each
figure counts (those may drop a figure whose value was read right)."""

from __future__ import annotations

from collections import Counter

from checker.extract.context import DocumentContext
from checker.extract.figures import Figure, read_figure, skip_digits
from checker.model import Document


def figures(text: str) -> list[Figure]:
    dctx = DocumentContext.build(Document("t", text), Counter())
    out = []
    for ctx in dctx.sentences():
        taken: set[int] = set()
        for c in ctx.cores:
            if c.start in taken or (c.form == "digits" and skip_digits(ctx, c)):
                continue
            fig = read_figure(ctx, c, taken)
            if fig is not None and not fig.age:
                out.append(fig)
    return out


def unit_of(fig: Figure) -> str:
    """The currency code, the unit key, "%" or "pp", or "" for a plain count."""
    if fig.percent:
        return fig.percent
    if fig.currency:
        return fig.currency
    return fig.unit.key if fig.unit else ""
