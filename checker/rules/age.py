"""Age family: one person given two ages that cannot both be true, allowing for the
years between the statements ("in 2010, when he was 49" fits "63" in 2024)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..compare import WINDOW
from ..lexicon import lexicon
from ..model import Claim, Finding, Severity
from .base import Example, Rule, RuleContext


def _same_person(a: Claim, b: Claim) -> bool:
    if a.subject != b.subject:
        return False
    ga, gb = str(a.get("given", "")), str(b.get("given", ""))
    if not ga or not gb:
        return True
    # a title or possessive before the name may be read into it ("executive katrin",
    # "hungary lena"): one shared first name or initial is enough
    for x in ga.replace(".", " ").split():
        for y in gb.replace(".", " ").split():
            if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
                return True
    return False


def _ambiguous(ctx: RuleContext, ages: list[Claim]) -> set[str]:
    """Surnames that two people with different first names wear in one document before
    either is named in full ("Ivan Novak" and "Peter Novak" both introduced): a bare
    surname after that could be either. News style names a second person of a surname
    in full each time, so a bare surname otherwise stands for the first one introduced
    (checker/resolve.py)."""
    given: dict[tuple[str, str], set[str]] = {}
    surnames = {c.subject for c in ages}
    for name in ctx.of_kind("name"):
        # The word right before the surname: titles and honorifics come before it.
        first = (name.get("given") or "").split()[-1:]
        if name.subject in surnames and first and not first[0].endswith(".") and first[0] not in lexicon().stop:
            given.setdefault((name.document, name.subject), set()).add(first[0])
    bare_first: dict[tuple[str, str], bool] = {}
    for c in sorted(ctx.of_kind("name"), key=lambda c: c.sort_key()):
        key = (c.document, c.subject)
        if key not in bare_first:
            bare_first[key] = not c.get("given")
    return {s for (d, s), names in given.items() if len(names) > 1 and bare_first.get((d, s), False)}


def _shown(c: Claim) -> str:
    assert c.value is not None
    if c.get("age") is None:
        return c.normalized  # a year of birth: "born in 1971"
    return f"{c.normalized}, born {c.value.lo:.0f}–{c.value.hi:.0f}"


def _named_in_full(ctx: RuleContext, ages: list[Claim]) -> list[Claim]:
    """Each bare-surname age given the first names of the person last named in full with
    that surname before it ("Novak, 49" after "Defence Minister Ivan Novak" is Ivan's):
    news style names a second bearer of a surname in full, so a bare one is the last
    named."""
    full: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for n in ctx.of_kind("name"):
        if n.get("given"):
            full.setdefault((n.document, n.subject), []).append((n.start, str(n.get("given"))))
    out = []
    for c in ages:
        named = [g for start, g in full.get((c.document, c.subject), []) if start < c.start]
        if not c.get("given") and named:
            c = replace(c, data=tuple((k, named[-1] if k == "given" else v) for k, v in c.data))
        out.append(c)
    return out


def _mismatch(ctx: RuleContext) -> Iterator[Finding]:
    ages = _named_in_full(ctx, sorted(ctx.of_kind("age"), key=lambda c: c.sort_key()))
    ambiguous = _ambiguous(ctx, ages)
    reported: set[tuple[str, int]] = set()
    for j, b in enumerate(ages):
        for a in ages[max(0, j - WINDOW) : j]:
            if not _same_person(a, b) or a.value is None or b.value is None:
                continue
            if a.subject in ambiguous and not (a.get("given") and b.get("given")):
                ctx.skipped["surname shared by two people"] += 1
                continue
            if a.value.overlaps(b.value) or (b.document, b.start) in reported:
                continue
            reported.add((b.document, b.start))
            yield Finding(
                claims=(a, b),
                message=(
                    f"{b.get('name')}: '{a.text}' ({_shown(a)}) vs '{b.text}' ({_shown(b)})"
                    if a.get("as_of")
                    else f"{b.get('name')}: '{a.text}' ({a.normalized}) vs '{b.text}' ({b.normalized})"
                ),
                evidence={"person": b.get("name"), "ages": [a.get("age"), b.get("age")], "as_of": [a.get("as_of"), b.get("as_of")]},
            )


AGE_MISMATCH = Rule(
    code="AGE001",
    name="age-mismatch",
    family="age",
    severity=Severity.ERROR,
    summary="One person is given two ages that cannot both be true.",
    doc=(
        "What it flags: two ages for the same person (same surname, compatible first names) "
        "whose birth years do not overlap, each age dated by a year in its sentence or by the "
        "publication date; a stated year of birth ('born in 1971') counts as an age. A person "
        "a story names only by a role is that role within the story ('The driver, a 58-year-old "
        "man', 'the 63-year-old driver'), unless the role introduced two people.\n"
        "Why: ages are checked by readers who know the person.\n"
        "Not flagged: ages stated at different, dated times that agree ('in 2010, when he was "
        "49' and '63' in 2024); different people who share a surname (a bare surname is the "
        "person last named in full with it).\n"
        "Example: 'Jane Doe, 63,' ... 'the 58-year-old Doe'."
    ),
    needs=("age",),
    flags=(
        # a relative clause's pronoun stands for the name it follows
        Example("Amos Rotich, 19, won by 41 seconds. Rotich, who was born in 2001 in Iten, surged clear late on.",
                published="2024-12-01"),
        Example("Jane Doe, 63, chairs the board. The 58-year-old Doe was re-elected on Monday."),
        Example("Liam Carter, 24, admitted causing death by dangerous driving. Carter was also banned from driving. The judge said the 42-year-old had shown a total disregard for others.", published="2025-03-01"),
        Example("Ruth Okonjo, 61, chairs the water board. Okonjo was born in 1958 in Enugu.", published="2025-05-02"),
        Example("The driver, a 58-year-old man from Ashford, was questioned. Investigators will examine how long "
                "the 63-year-old driver had been at the wheel.", published="2024-06-01"),
        # "the 67-year-old" goes on about a person already given an age, not the last name
        Example("At a shelter in Kursk, Valentina Petrova, 72, said she had left her village on foot. Acting Kursk "
                "Governor Alexei Smirnov said 121,000 people had left the region. \"They are all somebody's sons,\" "
                "the 67-year-old said."),
    ),
    passes=(
        Example("Amos Rotich, 23, won by 41 seconds. Rotich, who was born in 2001 in Iten, surged clear late on.",
                published="2024-12-01"),
        # the year of another clause joined to "was born"
        Example("Castro, 47, was born in the southern city of Puerto Montt and worked as a journalist for 15 "
                "years before publishing her first novel in 2016.", published="2025-03-06"),
        Example("John Roe, 63, spoke first. In 2010, when he was 49, Roe founded the firm.", published="2024-05-01"),
        Example("Jane Doe, 63, chairs the board. Her brother, Mark Doe, 58, is its treasurer."),
        Example("Ade Okafor, 38, signed on Monday. Okafor, born in Lagos in 1987, is a striker.", published="2025-05-02"),
        # a bare surname is the person last named in full with it
        Example("The prime minister moved Defence Minister Ivan Novak to the foreign ministry. Novak, 49, was sworn "
                "in on Friday. The new finance minister, Peter Novak, 56, is an economist."),
    ),
    check=_mismatch,
)

RULES = (AGE_MISMATCH,)
