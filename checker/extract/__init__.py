"""Claim extractors, one module per claim kind, listed here explicitly (nothing registers
itself on import). Each takes a SentenceContext and returns claims whose spans index the
original text; the engine runs them in this order for every sentence."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Claim
from .ages import extract_ages
from .context import SentenceContext
from .dates import extract_dates
from .elapsed import extract_elapsed
from .entities import extract_entities
from .predications import extract_predications
from .quantities import extract_quantities

Extractor = Callable[[SentenceContext], list[Claim]]

EXTRACTORS: tuple[Extractor, ...] = (
    extract_quantities,
    extract_ages,
    extract_dates,
    extract_elapsed,
    extract_entities,
    extract_predications,
)
