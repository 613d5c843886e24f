"""Load the annotated corpus (see corpus/README.md) and resolve gold quotes to spans.

The loader is strict on purpose: a quote that is missing or ambiguous is an annotation
bug, and silently skipping it would inflate or deflate every score computed from it.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

FAMILIES = (
    "quantity",
    "arithmetic",
    "age",
    "date",
    "time",
    "weekday",
    "entity-spelling",
    "entity-role",
    "state-change",
    "antonym-state",
    "negation",
    "duration",
)
KINDS = ("inconsistent", "disputed")
DESKS = (
    "conflict",
    "politics",
    "economy",
    "courts",
    "disasters",
    "health",
    "science",
    "sport",
    "culture",
    "markets",
    "transport",
    "agriculture",
    "energy",
    "education",
    "technology",
    "crime",
    "weather",
    "business",
    "labour",
    "maritime",
    "space",
    "elections",
    "housing",
    "aviation",
    "environment",
    "fisheries",
    "mining",
    "tourism",
)


class CorpusError(ValueError):
    """An annotation cannot be loaded; the message names the file and the field."""


@dataclass(frozen=True)
class GoldSpan:
    doc: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class GoldConflict:
    family: str
    kind: str
    a: GoldSpan
    b: GoldSpan
    why: str


@dataclass(frozen=True)
class CaseDocument:
    id: str
    text: str
    published: dt.date | None
    source: str | None

    def as_input(self) -> dict[str, object]:
        out: dict[str, object] = {"id": self.id, "text": self.text}
        if self.published is not None:
            out["published"] = self.published.isoformat()
        if self.source:
            out["source"] = self.source
        return out


@dataclass(frozen=True)
class Case:
    id: str
    path: Path
    desk: str
    title: str
    documents: tuple[CaseDocument, ...]
    conflicts: tuple[GoldConflict, ...]

    @property
    def is_trap(self) -> bool:
        return not self.conflicts

    @property
    def words(self) -> int:
        return sum(len(d.text.split()) for d in self.documents)


def _find(text: str, quote: str, occurrence: int | None, where: str) -> tuple[int, int]:
    starts: list[int] = []
    i = text.find(quote)
    while i >= 0:
        starts.append(i)
        i = text.find(quote, i + len(quote))
    if not starts:
        raise CorpusError(f"{where}: quote {quote!r} not found")
    if occurrence is None:
        if len(starts) > 1:
            raise CorpusError(
                f"{where}: quote {quote!r} occurs {len(starts)} times; give occurrence"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise CorpusError(f"{where}: quote {quote!r} has no occurrence {occurrence}")
    s = starts[occurrence - 1]
    return s, s + len(quote)


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise CorpusError(f"{where}: published {value!r} is not an ISO date") from exc


def load_case(path: Path) -> Case:
    where = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{where}: {exc}") from exc
    for key in ("id", "desk", "documents"):
        if key not in raw:
            raise CorpusError(f"{where}: missing {key}")
    if raw["id"] != path.stem:
        raise CorpusError(f"{where}: id {raw['id']!r} differs from the file name")
    if raw["desk"] not in DESKS:
        raise CorpusError(f"{where}: unknown desk {raw['desk']!r}")
    docs: dict[str, CaseDocument] = {}
    for n, d in enumerate(raw["documents"]):
        dwhere = f"{where}: documents[{n}]"
        if "id" not in d or "text" not in d:
            raise CorpusError(f"{dwhere}: needs id and text")
        if d["id"] in docs:
            raise CorpusError(f"{dwhere}: duplicate document id {d['id']!r}")
        docs[d["id"]] = CaseDocument(
            id=d["id"],
            text=d["text"],
            published=_date(d.get("published"), dwhere),
            source=d.get("source"),
        )
    gold: list[GoldConflict] = []
    for n, c in enumerate(raw.get("conflicts", [])):
        cwhere = f"{where}: conflicts[{n}]"
        if c.get("family") not in FAMILIES:
            raise CorpusError(f"{cwhere}: unknown family {c.get('family')!r}")
        if c.get("kind") not in KINDS:
            raise CorpusError(f"{cwhere}: unknown kind {c.get('kind')!r}")
        spans = []
        for side in ("a", "b"):
            q = c.get(side)
            if not isinstance(q, dict) or "quote" not in q:
                raise CorpusError(f"{cwhere}.{side}: needs a quote")
            doc_id = q.get("doc", next(iter(docs)))
            if doc_id not in docs:
                raise CorpusError(f"{cwhere}.{side}: unknown document {doc_id!r}")
            s, e = _find(docs[doc_id].text, q["quote"], q.get("occurrence"), f"{cwhere}.{side}")
            spans.append(GoldSpan(doc_id, s, e, q["quote"]))
        gold.append(GoldConflict(c["family"], c["kind"], spans[0], spans[1], c.get("why", "")))
    return Case(
        id=raw["id"],
        path=path,
        desk=raw["desk"],
        title=raw.get("title", ""),
        documents=tuple(docs.values()),
        conflicts=tuple(gold),
    )


def load_corpus(root: Path | str) -> list[Case]:
    """Every case under root, sorted by id; raises CorpusError on the first bad file."""
    root = Path(root)
    files = sorted(root.rglob("*.toml")) if root.is_dir() else [root]
    cases = [load_case(p) for p in files]
    seen: set[str] = set()
    for c in cases:
        if c.id in seen:
            raise CorpusError(f"{c.path}: duplicate case id {c.id!r}")
        seen.add(c.id)
    return cases
