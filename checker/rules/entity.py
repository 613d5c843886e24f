"""Entity families: one name spelled two ways (entity-spelling) and one person given two
roles that cannot both be true (entity-role)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..entity_words import entity_words
from ..fold import fold, skeleton
from ..model import Claim, Finding, Severity, Span
from ..resolve import Form
from .base import Example, Rule, RuleContext


def _claims_of(form: Form, every: bool, ctx: RuleContext) -> list[Claim]:
    """A claim for every occurrence of the form (or the first in each document), spanning
    just the word, so that a suggested replacement replaces exactly it."""
    out: list[Claim] = []
    docs: set[str] = set()
    for o in sorted(form.occurrences, key=lambda o: (o.claim.document, o.start)):
        if every or o.claim.document not in docs:
            docs.add(o.claim.document)
            text = ctx.documents[o.claim.document].text[o.start : o.end]
            word = replace(o.claim, span=Span(o.claim.document, o.start, o.end, text))
            if word not in out:
                out.append(word)
    return out


def _spelling(ctx: RuleContext) -> Iterator[Finding]:
    for v in ctx.resolution.variants:
        claims = _claims_of(v.preferred, False, ctx)
        seen = set(claims)  # a set: a name met in every sentence makes long lists
        for f in v.others:
            for c in _claims_of(f, True, ctx):
                if c not in seen:
                    seen.add(c)
                    claims.append(c)
        others = ", ".join(f"'{f.text}' ({len(f.occurrences)}×)" for f in v.others)
        # The finding points at the rarer spelling and suggests the commoner one; when the
        # two are as frequent, the copy does not say which is right, and neither do we.
        n_pref = len(v.preferred.occurrences)
        rarest = min(v.others, key=lambda f: (len(f.occurrences), f.first))
        tie = not v.attested and any(len(f.occurrences) == n_pref for f in v.others)
        advice = "which is right?" if tie else f"use '{v.preferred.text}'"
        yield Finding(
            claims=tuple(claims),
            message=f"{others} and '{v.preferred.text}' ({n_pref}×) look like one name spelled two ways ({v.reason}); {advice}",
            evidence={"preferred": None if tie else v.preferred.text, "variants": [f.text for f in v.others],
                      "counts": {f.text: len(f.occurrences) for f in (v.preferred, *v.others)}, "reason": v.reason},
            primary=_claims_of(rarest, True, ctx)[0],
            replacement=None if tie else v.preferred.text,
        )


def _incompatible(a: Claim, b: Claim) -> str | None:
    words = entity_words()
    ca, cb = a.get("class"), b.get("class")
    if ca in (b.get("also") or ()) or cb in (a.get("also") or ()):
        return None  # "director and senior vice president": both posts, held together
    if ca == cb:
        if a.get("deputy") != b.get("deputy"):
            return "a post and its deputy"
        if ca == "leader" and _two_named_bodies(a, b):
            # "Green Party leader Carys Pryce" and "Pryce, the Labour leader": one person
            # leads one party; "Senate Democratic leader" and "Democratic leader" share one
            return "leaders of different named bodies"
        pa, pb = set(a.get("portfolio")), set(b.get("portfolio"))
        if ca in words.portfolio and pa and pb:
            short = {p[:5] for p in pa}, {p[:5] for p in pb}
            if not (short[0] <= short[1] or short[1] <= short[0]):
                return "different portfolios"
        return None
    if frozenset((ca, cb)) in words.compatible:
        return None
    if (ca in words.occupations) != (cb in words.occupations):
        return None
    ra, rb = bool(a.get("rank")), bool(b.get("rank"))
    if ra != rb:
        return None  # a rank and a post: "Colonel Bondar, the brigade's spokesman"
    if ra and rb:
        return "different ranks"
    if _two_named_bodies(a, b):
        return None  # "OPEC president" and "Nigeria's oil minister": one person, two bodies
    return "different posts"


def _named_bodies(c: Claim) -> list[str]:
    """The capitalised words of a role's portfolio as written ("OPEC", "Nigeria")."""
    written = set(re.findall(r"[A-Z][\w&.-]*", c.text))
    return [w for w in written if w.lower() in set(c.get("portfolio") or ())]


def _two_named_bodies(a: Claim, b: Claim) -> bool:
    """Both posts name their body and the bodies differ, not even as an acronym of the
    other ("FPO", "Freedom Party")."""
    na, nb = _named_bodies(a), _named_bodies(b)
    if not na or not nb or {w.lower() for w in na} & {w.lower() for w in nb}:
        return False

    def initials(ws: list[str]) -> str:
        return "".join(w[0] for w in sorted(ws, key=lambda w: a.text.find(w) if w in a.text else b.text.find(w)))

    def abbreviates(ws: list[str], other: list[str]) -> bool:
        return bool(other) and any(w.isupper() and len(w) >= 2 and w.startswith(initials(other)) for w in ws)

    return not (abbreviates(na, nb) or abbreviates(nb, na))


# Words that put a post in the past ("a former transport minister"), as opposed to those
# that make it temporary or future ("acting", "designate").
_PAST = frozenset({"former", "formerly", "ex", "erstwhile", "previously", "once"})


def _role(ctx: RuleContext) -> Iterator[Finding]:
    roles = [c for c in ctx.of_kind("role")]
    changes = ctx.of_kind("role-change")
    by_person: dict[str, list[Claim]] = {}
    past: list[Claim] = []
    for r in roles:
        if "dated" in r.qualifiers:
            ctx.skipped["entity-role: dated or temporary role"] += 1
            if set(r.get("dated_by") or ()) <= _PAST and r.get("dated_by"):
                past.append(r)
            continue
        by_person.setdefault(skeleton(r.subject), []).append(r)
    yield from _current_and_former(ctx, past, by_person, changes)
    for group in by_person.values():
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.normalized == b.normalized or (a.normalized, b.normalized) in seen:
                    continue
                why = _incompatible(a, b)
                if why is None:
                    continue
                if not ctx.resolution.same_person(a, b):
                    ctx.skipped["entity-role: not the same person"] += 1
                    continue
                if _change_stated(a.subject, {a.get("class"), b.get("class")}, changes):
                    ctx.skipped["entity-role: change of post stated"] += 1
                    continue
                seen.add((a.normalized, b.normalized))
                name = b.get("name") if len(b.get("name", "")) > len(a.get("name", "")) else a.get("name")
                # "Colonel" for a lieutenant colonel, "General" for a major general: a rank
                # cut to its last word may be a house style's later reference, or a slip
                short = why == "different ranks" and (a.normalized.endswith(" " + b.normalized)
                                                      or b.normalized.endswith(" " + a.normalized))
                # a chamber and a party may both be led by one person ("Senate leader",
                # "Democratic leader"): which bodies are parties is not known here
                weak = short or why == "leaders of different named bodies"
                yield Finding(
                    claims=(a, b),
                    message=f"{name} is '{a.text}' ({a.normalized}) and '{b.text}' ({b.normalized}): {why}"
                            + (" (or a rank shortened in a later reference)" if short else ""),
                    evidence={"person": name, "roles": [a.normalized, b.normalized], "why": why},
                    max_severity=Severity.WARNING if weak else None,
                )


def _change_stated(subject: str, classes: set[str], changes: list[Claim]) -> bool:
    """Whether a sentence naming the person states a change of one of these posts."""
    return any(skeleton(subject) in {skeleton(p) for p in ch.get("people", ())} and classes & set(ch.get("classes", ()))
               for ch in changes)


def _current_and_former(ctx: RuleContext, past: list[Claim], by_person: dict[str, list[Claim]],
                        changes: list[Claim]) -> Iterator[Finding]:
    """One person called the holder of a post and its former holder ("Transport Minister
    Kwame Asante" ... "Asante, a former transport minister"), when no sentence about them
    states a change of post other than the word "former" itself."""
    for p in past:
        for r in by_person.get(skeleton(p.subject), []):
            if (r.get("class"), r.get("deputy")) != (p.get("class"), p.get("deputy")):
                continue
            if "quoted" in r.qualifiers:
                # a speaker may give a former holder the title still ("President Marcos and
                # his family were able to hide millions")
                ctx.skipped["entity-role: a title in a quotation"] += 1
                continue
            pa, pb = set(r.get("portfolio") or ()), set(p.get("portfolio") or ())
            if pa and pb and not (pa & pb):
                continue
            if not ctx.resolution.same_person(r, p):
                continue
            # "former" itself, or "since"/"until", is no change stated beside it
            if _change_stated(p.subject, {p.get("class")}, [ch for ch in changes if ch.normalized not in _PAST | {"since", "until"}]):
                ctx.skipped["entity-role: change of post stated"] += 1
                continue
            a, b = sorted((r, p), key=lambda c: c.sort_key())
            name = r.get("name") if len(r.get("name", "")) > len(p.get("name", "")) else p.get("name")
            yield Finding(
                claims=(a, b),
                message=f"{name} is '{r.text}' ({r.normalized}) and '{p.text}' (a former {p.normalized}): "
                        "the post held now and held no longer",
                evidence={"person": name, "roles": [r.normalized, p.normalized], "why": "current and former"},
                max_severity=Severity.WARNING,
            )
            break


def _house(ctx: RuleContext) -> Iterator[Finding]:
    table = {**entity_words().house_spellings, **ctx.house_spellings}
    wanted = {fold(k): v for k, v in table.items() if fold(k) != fold(v)}
    if not wanted:
        return
    hits: dict[str, list[tuple[Claim, str]]] = {}
    preferred_at: dict[str, Claim] = {}
    prefs = {fold(v): v for v in wanted.values()}
    for c in ctx.of_kind("name"):
        # A variant is the whole name ("Van Gogh") or one of its words ("Kiev").
        forms = [c.text, *(t[2] for t in c.get("tokens", ()))]
        for form in forms:
            key = fold(form)
            if key in wanted:
                hits.setdefault(key, []).append((c, form))
                break
        for form in forms:
            if fold(form) in prefs:
                preferred_at.setdefault(prefs[fold(form)], c)
    for key, found in sorted(hits.items()):
        pref = wanted[key]
        claims = [c for c, _ in found]
        if pref in preferred_at and preferred_at[pref] not in claims:
            claims.append(preferred_at[pref])
        claims = list(dict.fromkeys(claims))
        if len(claims) < 2:
            # Every finding names two claims (the engine's contract): a lone variant with
            # no second occurrence and no preferred form in the request is not reported.
            ctx.skipped["entity: house variant met once"] += 1
            continue
        variant = found[0][1]
        primary = found[0][0]
        if primary.text != variant:
            # Point at the variant word itself, so that the replacement replaces just it.
            at = primary.text.find(variant)
            if at >= 0:
                word = replace(primary, span=Span(primary.document, primary.start + at, primary.start + at + len(variant), variant))
                claims = [word if c == primary else c for c in claims]
                primary = word
        yield Finding(
            claims=tuple(claims),
            message=f"house style: write '{pref}', not '{variant}'" + (f" ({len(found)}×)" if len(found) > 1 else ""),
            evidence={"variant": variant, "preferred": pref, "count": len(found)},
            primary=primary,
            replacement=pref,
        )


NAME_VARIANT = Rule(
    code="ENT001",
    name="name-spelled-two-ways",
    family="entity-spelling",
    severity=Severity.WARNING,
    summary="One person, organisation or place is spelled two ways in the same request.",
    doc=(
        "What it flags: two spellings of one name across all documents of a request: "
        "transliteration endings ('Syrskyi' and 'Syrsky', 'Zelensky' and 'Zelenskyy'), "
        "diacritics, and a one-letter slip in a name of six letters or more ('Kramatorsk' and "
        "'Kramatorks', 'Kowalczyk' and 'Kowalcyzk'), an apostrophe ('Khmel'nytskyi'), first "
        "names joined and split ('Mariaelena', 'Maria Elena'); shorter names only with the same first "
        "name ('Yahya Saree' and 'Yahya Sarea'). It suggests the more frequent form.\n"
        "Why: readers and search engines take two spellings for two people, and a misspelt "
        "name is the correction editors least want to run.\n"
        "Not flagged: different words made by an ending ('Russia' and 'Russian', 'Mykolaiv' "
        "and 'Mykolaivka'), known distinct names ('Austria' and 'Australia'), surnames of "
        "people with different first names, initials against full names, and two capitalized "
        "words that both only open sentences.\n"
        "Example: 'Oleksandr Syrskyi said ...' ... 'Syrsky added ...'."
    ),
    needs=("name",),
    flags=(
        Example("Oleksandr Syrskyi said the line held. Later, General Oleksandr Syrsky visited Kramatorsk."),
        Example("Dr. Anneliese Kowalczyk opened a clinic. On Monday, Kowalcyzk said cases had risen."),
        # an apostrophe in one spelling; a possessor before a place is no first name
        Example("Floods forced 1,100 people from Ukraine's Khmelnytskyi region. The governor of Khmel'nytskyi "
                "region said grants would be paid. Roads in Khmelnytskyi were closed."),
        # first names joined and split
        Example("Chilean writer Mariaelena Castro won the prize on Thursday. Maria Elena Castro is the second "
                "Chilean to win it."),
        # diacritics dropped once ("Ibanez" is no other word)
        Example("Rector José Ramón Ibáñez opened the session. Ibáñez said the university would grow. Ibanez said "
                "fees would fall."),
    ),
    passes=(
        Example("Russia moved troops to Mykolaivka, near Mykolaiv. Russian officials declined to comment."),
        Example("Jane Whitlock chairs the board. Her brother, Mark Whitlocke, is its treasurer."),
        Example("Funaro will explain Brazil's position to Treasury Secretary James Baker. Bankers said the phrase belied deep anger on the committee."),
    ),
    check=_spelling,
)

ROLE_MISMATCH = Rule(
    code="ENT002",
    name="role-mismatch",
    family="entity-role",
    severity=Severity.ERROR,
    summary="One person is given two roles or titles that cannot both be true.",
    doc=(
        "What it flags: two roles attached to one person (same surname, compatible first "
        "names) that exclude each other: different posts ('the mayor' and 'the city's "
        "treasurer'), a post and its deputy ('Governor' and 'Deputy Governor'), or the same "
        "post with different portfolios ('Defence Minister Rustem Umerov' and 'Foreign Minister "
        "Umerov'), leaders of two differently named bodies ('Green Party leader Carys Pryce' and "
        "'Pryce, the Labour leader'; a warning, since a chamber and a party may share a leader), "
        "two military or police ranks before one full name ('Colonel Andriy Bondar' "
        "and 'Lieutenant Colonel Andriy Bondar'; a warning when one is the other cut to its last "
        "word, as a later reference may be). Roles come from titles before a name, and "
        "appositions after or before it; a rank is compared only with a rank.\n"
        "Why: a wrong title is a factual error readers notice at once, and it often means two "
        "people were confused.\n"
        "Not flagged: roles that go together (a minister who leads a party, a chief executive "
        "who is also president), occupations beside posts (a critic who chairs a jury), dated "
        "or temporary roles ('then-', 'acting', 'until March'; 'former' only against the same "
        "post held now, a warning), a change of post "
        "stated in a sentence naming the person ('was appointed ... on'), and bare surnames "
        "shared by two people with different first names.\n"
        "Example: 'Defence Minister Rustem Umerov said ...' ... 'Foreign Minister Umerov'."
    ),
    needs=("role",),
    flags=(
        Example("Defence Minister Rustem Umerov met allies on Monday. On Tuesday, Foreign Minister Umerov flew to Berlin."),
        # "deputy" anywhere before the head
        Example("Finance Minister Ana Ruiz told parliament on Tuesday. Ruiz, the deputy finance minister, rejected the charge."),
        # the post held now and held no longer; a dating word of the sentence before is not the role's
        Example("Transport Minister Kwame Asante signed the deal at the ministry. Asante, a former transport "
                "minister, said the contract would be published."),
        Example("The forint hit a new low on Tuesday. Governor Elena Varga spoke first. Deputy Governor Elena "
                "Varga told bankers the cycle was ending."),
        # leaders of two named bodies (a warning: a chamber and a party may share a leader)
        Example("Green Party leader Carys Pryce said voters wanted action. Pryce, the Labour leader, said she "
                "would seek talks."),
        # ranks before one full name
        Example("Detective Chief Inspector Helen Marsh said the warehouse was searched. Detective Inspector Helen "
                "Marsh said three men were arrested."),
    ),
    passes=(
        Example("Defence Minister Rustem Umerov met allies. Former Foreign Minister Dmytro Kuleba spoke later; Umerov, the defence minister, left."),
        Example("Governor Anna Holt spoke first. Deputy Governor Ben Holt, her brother, spoke next."),
        # a former holder who is another person; a former post with a change stated; the old
        # title in a speaker's words
        Example('The panel is recovering wealth taken by former President Ferdinand Marcos. "President Marcos and '
                'his family were able to hide millions," its chairman said.'),
        Example("Transport Minister Kwame Asante signed the deal. Former transport minister Ama Asante, his "
                "sister, criticised it."),
        Example("Finance Minister Kwame Asante signed the deal. Asante, who resigned as transport minister in "
                "May, is a former transport minister."),
        # a rank beside a post; a promotion stated
        Example("Colonel Andriy Bondar, the brigade's spokesman, said the attack began at 3 a.m."),
        Example("Lieutenant Colonel Andriy Bondar, who was promoted to colonel on Monday, spoke first. Colonel "
                "Andriy Bondar said the attack began at 3 a.m."),
        Example("Nicaraguan rebel leader Adolfo Calero has linked the payments to a dummy company. On the advice of his lawyer, Calero declined to go into details."),
        Example("Yesterday, he held talks with Vice President George Bush, Secretary of State George Shultz and Commerce Secretary Malcolm Baldrige."),
        Example("Donald K. McIvor, an Exxon Corp director and senior vice president, told Reuters so. McIvor, Exxon's senior vice president for exploration, said dependence would grow."),
    ),
    check=_role,
)

HOUSE_SPELLING = Rule(
    code="ENT003",
    name="house-spelling",
    family="entity-spelling",
    severity=Severity.WARNING,
    summary="A name is written in a form the house style replaces with another.",
    doc=(
        "What it flags: a name listed as a variant in the house style: the `[house_spellings]` "
        "table of checker/data/entities.toml ('Kiev' = 'Kyiv'), extended or overridden by "
        "`house_spellings` in the configuration, when it occurs twice or beside the preferred "
        "form. The finding quotes every occurrence and the preferred form.\n"
        "Why: a style guide's substitutions keep names consistent across every story a desk "
        "publishes, not only within one.\n"
        "Not flagged: the preferred form itself, and words that merely contain a variant "
        "('Kievan' is not 'Kiev').\n"
        "Example: 'Kiev' where the house style says 'Kyiv'."
    ),
    needs=("name",),
    flags=(
        Example("Officials in Kiev said the strike hit a power plant. Kyiv residents lost power."),
    ),
    passes=(
        Example("Officials in Kyiv said the strike hit a power plant near Odesa."),
    ),
    check=_house,
)

RULES = (NAME_VARIANT, ROLE_MISMATCH, HOUSE_SPELLING)
