"""Arithmetic family: parts that add up to more than their whole, and shares of one
whole that add up to more than 100%."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from ..lexicon import alternation, lexicon
from ..model import Claim, Finding, Severity
from .base import Example, Rule, RuleContext

_SUPPORT = re.compile(r"[ \t]*(?:of[ \t]+(?:respondents|voters|those[ \t]+polled|people|adults)[ \t]+)?(?:said[ \t]+they[ \t]+)?(?P<s>backed|back|supported|support|favoured|favored|favour|favor|were[ \t]+in[ \t]+favou?r|approved|approve|were[ \t]+for|opposed|oppose|were[ \t]+against|are[ \t]+against|against|rejected|reject|disapproved|disapprove|were[ \t]+undecided|undecided|were[ \t]+unsure|unsure|did[ \t]+not[ \t]+know|had[ \t]+no[ \t]+opinion)\b", re.I)
_STANCE = {"back": "for", "support": "for", "favour": "for", "favor": "for", "approve": "for", "in favour": "for", "for": "for",
           "oppose": "against", "against": "against", "reject": "against", "disapprove": "against",
           "undecided": "undecided", "unsure": "undecided", "not know": "undecided", "no opinion": "undecided"}


def _stance(text: str, c: Claim) -> str | None:
    m = _SUPPORT.match(text, c.end)
    if not m:
        return None
    word = m.group("s").lower()
    for key, stance in _STANCE.items():
        if key in word:
            return stance
    return None


# The connector before the next item of a list: ", ", ", and ", " and ", after at most a
# few words that belong to the previous item ("14 carried flour, eight carried water").
_LIST_GAP = re.compile(r"[^,;:.()\n]{0,70}?(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:[^\W\d_]+[ \t]+){0,3}")
_OF_BEFORE = re.compile(r"\bof[ \t]+(?:the|those|these|its|their|our|all)?[ \t]*$", re.I)
# "made up of 220 beds, 140 ...": an "of" that a verb of composition takes opens the
# parts themselves, not a total before them
_COMPOSED_OF = re.compile(r"\b(?:made[ \t]+up|consist(?:s|ed|ing)?|compos(?:ed|ing)|compris(?:ed|es|ing)|made)[ \t]+of[ \t]+$", re.I)


def _whole_of(text: str, start: int) -> bool:
    """Whether the figure at start is a total opened by "of" ("Of the 31 miners, ...")."""
    return (_OF_BEFORE.search(text, max(0, start - 12), start) is not None
            and _COMPOSED_OF.search(text, max(0, start - 24), start) is None)
# Links that set figures against each other rather than add them: alternatives,
# contrasts and comparisons ("120 mln, against 147 mln").
_OR = re.compile(r"\bor\b|\bbut\b|\bwhile\b|\bwhereas\b|\bcompared\b|\bversus\b|\bvs\b|\bthan\b|\bagainst\b|\binstead\b", re.I)
_ADDED = re.compile(r"\b(?:a[ \t]+further|another)[ \t]+$", re.I)
# "six flights, including four non-stop flights, and three via Anchorage": a comma before
# the "and" of two items closes the "including" aside; the third figure joins the first.
_ASIDE_OPENS = re.compile(r"\b(?:including|among[ \t]+them|of[ \t]+which|of[ \t]+whom)[ \t]+$", re.I)


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    parts = lexicon().words["parts"]
    return (
        re.compile(rf"[^.;]{{0,60}}?\b(?:{alternation(parts['after_whole'])})\b|[ \t]*:", re.I),
        re.compile(rf"\W*(?:{alternation(parts['opening'])})\b", re.I),
    )


def _same_measure(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind and a.unit == b.unit


def enumerations(ctx: RuleContext, kinds: tuple[str, ...]) -> list[list[Claim]]:
    """Lists of two or more figures of one kind and unit coordinated in one sentence
    ("58 soldiers, 22 border guards and 14 civilians"), never across an "or" or a
    comparison ("while", "than")."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in ctx.of_kind(*kinds):
        if c.value is not None and not (c.qualifiers & {"change", "vague", "rate", "earlier"}):
            if c.kind == "count" and float(c.get("value", 0.0)) % 1:
                continue  # 2.8720 (a rate quoted bare): things counted are whole
            by_sentence[(c.document, c.sentence)].append(c)
    lists: list[list[Claim]] = []
    for key in sorted(by_sentence):
        text = ctx.documents[key[0]].text
        run: list[Claim] = []
        for c in sorted(by_sentence[key], key=lambda x: x.start):
            prev = run[-1] if run else None
            gap = text[prev.end : c.start] if prev else ""
            m = _LIST_GAP.fullmatch(gap) if prev else None
            # A total is never its own part: "Of the 31 miners, 19 ..." or "Nine died, among them".
            starts_list = prev is not None and (_cues()[0].match(gap) is not None or _whole_of(text, prev.start))
            closes_aside = (len(run) == 1 and re.search(r",[ \t]*and[ \t]", gap) is not None
                            and _ASIDE_OPENS.search(text, max(0, run[0].start - 20), run[0].start) is not None)
            # "62% have had both doses, while a further 45% have had one": an item that says it
            # adds to the one before joins the list across a contrasting word
            added = _ADDED.search(gap) is not None
            # "31 goals, 27 in the league, six of them penalties": a figure that takes up
            # the one before ("of them") divides it; it opens a list of its own
            divides = _OF_THEM.match(text, c.start) is not None
            if prev and _same_measure(prev, c) and m and (added or not _OR.search(gap)) and not starts_list \
                    and not closes_aside and not divides:
                run.append(c)
                continue
            if len(run) >= 2:
                lists.append(run)
            run = [c]
        if len(run) >= 2:
            lists.append(run)
    return lists


def _whole_for(ctx: RuleContext, parts: list[Claim]) -> Claim | None:
    """The total a list breaks down: stated before it in the same sentence with a cue
    ("among them", "including", "Of the 31 miners, ..."), or in one of the two sentences
    before, when the list's sentence opens by pointing back ("Of the trucks", "The dead")."""
    first = parts[0]
    text = ctx.documents[first.document].text
    after_whole, opening = _cues()
    before = [
        c for c in ctx.claims
        if c.document == first.document and _same_measure(c, first) and c.end <= first.start
        and c.value is not None and not (c.qualifiers & {"vague", "lower", "lower_open", "upper", "upper_open"})
    ]
    same = [c for c in before if c.sentence == first.sentence]
    # A total in an earlier sentence must say what it counts; in the list's own sentence
    # the cue ("Of the 23 wounded, 17 ...") is enough.
    before = [c for c in before if (c.subject and "bare" not in c.qualifiers) or c.kind != "count"]
    largest = max(float(p.get("value", 0.0)) for p in parts)
    takes_up = _OF_THEM.match(text, first.start) is not None  # "12 of them gold, 11 silver"
    for c in reversed(same):
        if largest > 10 * float(c.get("value", 0.0)):
            continue  # "four suppliers, of which 162 million": not the total of these parts
        gap = text[c.end : first.start]
        if after_whole.match(gap) or _whole_of(text, c.start):
            return c
        if takes_up and c is same[-1]:
            return c  # "31 medals, 12 of them gold": the figure "them" takes up
    sentence_start = ctx.documents[first.document].text.rfind(".", 0, first.start) + 1
    head = text[sentence_start : first.start]
    composed = _composed(parts, before)
    if composed is not None:
        return composed
    fronted = first.get("how") == "of-opening"
    named = first.subject if fronted else _set_named(head)
    if named:
        # "Of the acts booked, 28 ...": the set the list divides is named; its count may
        # stand a few sentences back, past counts of other things, or anywhere before
        # when the opening narrows the set as that count did ("Of the new places" after
        # "2,400 new school places")
        narrowed = set(first.get("modifiers") or ()) if fronted else set()
        wanted = [c for c in before if c.sentence < first.sentence and c.subject == named and "bare" not in c.qualifiers
                  and (first.sentence - NAMED_REACH <= c.sentence
                       or (narrowed and narrowed <= set(c.get("modifiers") or ())))]
        if wanted:
            return wanted[-1]
    points_back = opening.match(head) or "partitive" in first.qualifiers
    if not points_back:
        return None
    earlier = [c for c in before if first.sentence - 2 <= c.sentence < first.sentence]
    if "partitive" in first.qualifiers:
        # "Sixteen of its buildings ...": the total is a count of buildings, if any.
        earlier = [c for c in earlier if c.subject == first.subject]
    # "Among the dead were ...": the total is the count of the same event, if one is named,
    # matched by the count's verb or that verb's class ("Twenty-one soldiers were killed").
    # "Fourteen of the trucks carried flour" names the set it divides: what the parts do
    # need not be what the set did ("a convoy of 26 trucks reached the city").
    # "Of those, 1,900 received the vaccine and 1,500 a placebo": a pronoun takes up the
    # set just counted, whatever the parts then do
    pronoun = _POINTS_BY_PRONOUN.match(head) is not None
    event = _event_of(head) or (None if "partitive" in first.qualifiers or pronoun
                                else next((p.get("predicate") for p in parts if p.get("predicate")), None))
    if event:
        # the verb's class, or the class of the noun counted ("recovered 23 bodies": deaths)
        earlier = [c for c in earlier if event in (c.get("predicate"), _class_of(c.get("predicate")),
                                                   c.get("event_class") or None)
                   or c.get("predicate") is None] or []
    return earlier[-1] if earlier else None


# a figure and then "of them": the figure divides the one before ("12 of them gold")
_OF_THEM = re.compile(r"[^\s,;]+[ \t]+of[ \t]+(?:them|those|these|whom|which)\b", re.I)
_POINTS_BY_PRONOUN = re.compile(r"\W*(?:of|among)[ \t]+(?:those|them|these|whom)\b", re.I)
# How many sentences back a total may stand when the list names the set it divides.
NAMED_REACH = 6
# Verbs that say what a thing is made of (a closed class): "it will be made up of 220
# medical beds, 140 surgical beds ...", "the fund comprises ...".
_COMPOSING = frozenset({"make", "comprise", "consist", "compose", "include", "split", "divide", "break"})
_SET_NAMED = re.compile(r"\W*(?:of|among)[ \t]+(?:the|those|these|its|their)[ \t]+([^\W\d_]+)", re.I)


def _set_named(head: str) -> str:
    """The noun, as a claim's subject, of the set an opening "Of the acts booked" or
    "Among the passengers" names; "" if the list's sentence opens otherwise."""
    from ..syntax import noun_lemma

    m = _SET_NAMED.match(head)
    return noun_lemma(m.group(1)) if m else ""


def _composed(parts: list[Claim], before: list[Claim]) -> Claim | None:
    """The total a list spells out with a verb of composition, when every part counts one
    noun for one holder and an earlier figure in the two sentences before counts that noun
    for that holder ("The block adds 450 beds ... It will be made up of 220 general medical
    beds, 140 surgical beds ..."), or counts the thing the parts divide."""
    subjects = {p.subject for p in parts}
    agents = {p.get("agent", "") for p in parts}
    verbs = {p.get("predicate") for p in parts}
    if len(agents) != 1 or not (verbs <= _COMPOSING or verbs == {None}):
        return None  # (no verb, but a subject: the parts are a copula's predicate)
    agent = agents.pop()
    subject = subjects.pop() if len(subjects) == 1 else ""
    if not (subject or agent):
        return None
    first = parts[0]
    largest = max(float(p.get("value", 0.0)) for p in parts)
    # a verb's parts restate what the sentences just before counted; a copula's subject
    # names its set as "Of the acts" does, and reaches as far
    reach = 2 if verbs != {None} else NAMED_REACH
    for c in reversed(before):
        if not (first.sentence - reach <= c.sentence < first.sentence) or c.qualifiers & {"partitive", "change", "increment", "listed"}:
            continue
        if float(c.get("value", 0.0)) <= largest:
            continue  # "two passengers were in a serious condition": a part, not the total
        # one noun counted for one holder ("adds 450 beds" ... "made up of 220 medical beds,
        # 140 surgical beds"), or the thing divided counted itself ("covers 600 hectares of
        # land" ... "the land is split between 320 hectares of wheat, 180 of barley")
        if (subject and c.subject == subject and not (agent and c.get("agent") and c.get("agent") != agent)) \
                or (agent and c.subject == agent):
            return c
    return None


def _class_of(verb: object) -> str | None:
    from ..compare import _event_class

    return _event_class().get(str(verb)) if verb else None


def _event_of(text: str) -> str | None:
    events = lexicon().predicate_of
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in events:
            return events[word]
    return None


# A breakdown that does not add up overshoots by a slipped digit or a miscount: in the
# corpus's slips the parts come to at most a fifth more than the total. Parts far beyond
# the figure before them, or one part larger than it, belong to another total (a company's
# quarter against its year, a coupon against a price).
MAX_OVERSHOOT = 1.3


def _near(total: float, whole: float, count: bool = False) -> bool:
    # a small count slips by a few people as easily as a large one by a fifth
    return whole > 0 and total <= max(MAX_OVERSHOOT * whole, whole + (SMALL_COUNT_SLACK if count else 0))


SMALL_COUNT_SLACK = 5


_OF_WHOLE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?((?:[\w'’-]+[ \t]+){0,2}[\w'’-]+)")


def _not_one_whole(text: str, shares: list[Claim]) -> str | None:
    """Why percentages listed together are not shares of one whole: each of its own
    thing ("64 pct and 56 pct respectively"), moves ("GM up 10.9 pct, Ford up 48 pct"), or
    each of a different whole ("two-thirds of export earnings and 60 pct of revenue")."""
    from ..extract.predications import words

    if any("respectively" in s.qualifiers for s in shares):
        return "each of its own thing ('respectively')"
    w = words()
    moves = w.up | w.down | {"up", "down", "higher", "lower"}
    for s in shares:
        before = re.findall(r"[a-z]+", text[max(0, s.start - 20) : s.start].lower())[-2:]
        if any(b in moves or b.rstrip("ing") in moves for b in before):
            return "changes, not shares"
    wholes = {m.group(1).lower() for s in shares if (m := _OF_WHOLE.match(text, s.end))}
    if len(wholes) > 1:
        return "shares of different wholes"
    return None


# A count written plainly ("the 90 Ukrainians", "five gold") is exact in a breakdown: the
# rounding allowed a figure restated elsewhere ("90" for 88) is no licence for parts that
# add up to 94. Hedged, bounded or ranged counts keep their intervals.
_NOT_EXACT = frozenset({"approx", "lower", "lower_open", "upper", "upper_open", "range", "vague", "hedged"})


def _exact(c: Claim) -> bool:
    return c.kind == "count" and not (c.qualifiers & _NOT_EXACT) and float(c.get("value", 0.0)).is_integer()


def _least(c: Claim) -> float:
    assert c.value is not None
    return float(c.get("value")) if _exact(c) else c.value.lo


def _most(c: Claim) -> float:
    assert c.value is not None
    return float(c.get("value")) if _exact(c) else c.value.hi


def _part_exceeds(ctx: RuleContext) -> Iterator[Finding]:
    yield from _remainders(ctx)
    for parts in enumerations(ctx, ("count", "money")):
        if any("respectively" in p.qualifiers for p in parts):
            ctx.skipped["figures each of its own thing ('respectively')"] += 1
            continue
        whole = _whole_for(ctx, parts)
        if whole is None or whole.value is None:
            ctx.skipped["list without a stated total"] += 1
            continue
        least = sum(_least(p) for p in parts)
        if least <= _most(whole):
            continue
        # how far beyond is judged on the figures' intervals, as for any restated figure
        low = sum(p.value.lo for p in parts if p.value)
        count = whole.kind == "count"
        if not _near(low, whole.value.hi, count) or any(p.value and not _near(p.value.lo, whole.value.hi, count) and
                                                         p.value.lo > whole.value.hi for p in parts):
            ctx.skipped["parts far beyond the figure before them: not its breakdown"] += 1
            continue
        stated = sum(float(p.get("value", 0.0)) for p in parts)
        listed = " + ".join(f"'{p.text}'" for p in parts)
        total = f"{stated:,.0f}" if whole.kind == "count" else f"{whole.unit} {stated:,.6g}"
        yield Finding(
            claims=(whole, *parts),
            message=f"'{whole.text}' ({whole.normalized}) is the total, but its parts {listed} add up to {total}",
            evidence={"whole": whole.normalized, "parts": [p.normalized for p in parts], "sum": least},
        )


def _remainders(ctx: RuleContext) -> Iterator[Finding]:
    """A count that "the remaining" or "the other" closes ("The remaining 55,000 will go to
    younger adults") after a part of the same thing counted in the sentences before ("Some
    70,000 doses have been earmarked"), both out of a total counted just before them
    ("has received 120,000 doses"): the parts and the rest add up to more than the total."""
    for last in ctx.of_kind("count", "money"):
        if last.value is None or not _closes_breakdown(ctx, last):
            continue
        before = [c for c in _breakdown_window(ctx.claims, last) if _same_measure(c, last) and c.value is not None
                  and not (c.qualifiers & (_NOT_A_SHARE | {"partitive", "bare"}))]
        # the rest of what the figure just before counted, when its own noun is left unsaid
        thing = last.subject or (before[-1].subject if before else "")
        run = [c for c in before if thing and c.subject == thing]
        if len(run) < 2:
            continue
        whole, parts = run[0], [*run[1:], last]
        if whole.sentence == parts[0].sentence or any(_least(p) >= _most(whole) for p in parts):
            continue  # the first figure is no total the later ones divide
        least = sum(_least(p) for p in parts)
        low = sum(p.value.lo for p in parts if p.value)
        if least <= _most(whole) or not _near(low, whole.value.hi, whole.kind == "count"):
            continue
        stated = sum(float(p.get("value", 0.0)) for p in parts)
        yield Finding(
            claims=(whole, *parts),
            message=(f"'{whole.text}' ({whole.normalized}) is the total, but its parts, closed by '{last.text}' as "
                     f"the rest, add up to {stated:,.6g}: " + " + ".join(f"'{p.text}'" for p in parts)),
            evidence={"whole": whole.normalized, "parts": [p.normalized for p in parts], "sum": least},
            max_severity=Severity.WARNING,
        )


def _listed_shares(ctx: RuleContext) -> Iterator[Finding]:
    """A list of percentages of one whole in one sentence ("55% would vote yes, 34% would
    vote no and 17% were undecided") above 100%."""
    for shares in enumerations(ctx, ("percent",)):
        if any(s.unit != "%" for s in shares):
            continue
        wholes = {s.subject for s in shares if s.get("how") == "share-of"}
        if len(wholes) > 1 or (not wholes and len({s.subject for s in shares if s.subject}) > 1):
            # one whole named ("58% of revenue, consumer devices for 31% and automotive
            # chips for 19%": the later items name their parts, and leave the whole
            # unsaid), or none and no two things named
            continue
        text = ctx.documents[shares[0].document].text
        why = _not_one_whole(text, shares)
        if why:
            ctx.skipped[f"listed percentages: {why}"] += 1
            continue
        if len({s.time for s in shares if s.time}) > 1 or len({s.place for s in shares if s.place}) > 1:
            continue
        low = sum(s.value.lo for s in shares if s.value)
        if low > 100.0 and (not _near(low, 100.0) or any(s.value and s.value.lo > 100.0 for s in shares)):
            ctx.skipped["percentages far beyond 100% together: not shares of one whole"] += 1
            continue
        if low > 100.0:
            stated = sum(float(s.get("value", 0.0)) for s in shares)
            listed = " + ".join(f"'{s.text}'" for s in shares)
            yield Finding(
                claims=tuple(shares),
                message=f"shares of one whole add up to more than 100%: {listed} = {stated:g}%",
                evidence={"shares": [s.normalized for s in shares], "sum": stated},
            )


# "the remaining 17 per cent": the last share of a breakdown, which closes it.
_REMAINING = re.compile(r"\b(?:the|its|their)[ \t]+(?:remaining|other)[ \t]+$", re.I)
# How many sentences back a breakdown closed by "the remaining" may begin.
BREAKDOWN_REACH = 2


def _closes_breakdown(ctx: RuleContext, last: Claim) -> bool:
    """Whether "the remaining" (or "the other") stands right before the figure."""
    text = ctx.documents[last.document].text
    return _REMAINING.search(text, max(0, last.start - 20), last.start) is not None


def _breakdown_window(claims: list[Claim], last: Claim) -> list[Claim]:
    """The claims before a closing figure, in its sentence and the BREAKDOWN_REACH before."""
    return [c for c in claims if c.document == last.document and c.end <= last.start
            and last.sentence - BREAKDOWN_REACH <= c.sentence <= last.sentence]


_NOT_A_SHARE = frozenset({"change", "earlier", "updated", "rate", "range", "lower", "lower_open", "upper",
                          "upper_open", "vague", "respectively", "unasserted"})


def _closed_breakdowns(ctx: RuleContext) -> Iterator[Finding]:
    """Shares that "the remaining N%" closes, listed over the sentences before it ("gas
    produced 41 per cent ... wind a further 29 per cent and nuclear 18 per cent ... solar,
    biomass and hydro made up the remaining 17 per cent"), above 100%."""
    shares = [c for c in ctx.of_kind("percent") if c.unit == "%" and c.value is not None
              and not (c.qualifiers & _NOT_A_SHARE)]
    for last in shares:
        if not _closes_breakdown(ctx, last):
            continue
        text = ctx.documents[last.document].text
        run = [*_breakdown_window(shares, last), last]
        named = [c.sentence for c in run if c.get("how") == "share-of"]
        if named:
            # a share naming its whole ("60% of the vote") begins the breakdown: a rate in
            # the sentence before ("unemployment stood at 4%") is none of it
            run = [c for c in run if c.sentence >= min(named)]
        wholes = {c.subject for c in run if c.get("how") == "share-of"}
        if len(run) < 3 or len(wholes) > 1 or _not_one_whole(text, run):
            continue
        low = sum(c.value.lo for c in run if c.value)
        if low <= 100.0 or not _near(low, 100.0):
            continue
        stated = sum(float(c.get("value", 0.0)) for c in run)
        yield Finding(
            claims=tuple(run),
            message=(f"shares of one whole, closed by '{last.text}' as the remainder, add up to more than 100%: "
                     + " + ".join(f"'{c.text}'" for c in run) + f" = {stated:g}%"),
            evidence={"shares": [c.normalized for c in run], "sum": low},
            max_severity=Severity.WARNING,
        )


def _shares_exceed(ctx: RuleContext) -> Iterator[Finding]:
    yield from _listed_shares(ctx)
    yield from _closed_breakdowns(ctx)
    groups: dict[tuple[str, str, str | None, str | None], dict[str, Claim]] = defaultdict(dict)
    for c in ctx.of_kind("percent"):
        if c.unit != "%" or "change" in c.qualifiers or c.value is None:
            continue
        stance = _stance(ctx.documents[c.document].text, c)
        if stance is None:
            continue
        key = (c.document, c.subject, c.time, c.source)
        groups[key].setdefault(stance, c)
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2] or "", k[3] or "")):
        shares = sorted(groups[key].values(), key=lambda c: c.start)
        if len(shares) < 2:
            continue
        low = sum(c.value.lo for c in shares if c.value)
        if low > 100.0:
            listed = " + ".join(f"'{c.text}'" for c in shares)
            stated = sum(float(c.get("value", 0.0)) for c in shares)
            yield Finding(
                claims=tuple(shares),
                message=f"shares of one whole add up to more than 100%: {listed} = {stated:g}%",
                evidence={"shares": [c.normalized for c in shares], "sum": stated},
            )


PART_EXCEEDS_WHOLE = Rule(
    code="ARI001",
    name="part-exceeds-whole",
    family="arithmetic",
    severity=Severity.ERROR,
    summary="Parts listed for a total add up to more than the total.",
    doc=(
        "What it flags: a count or amount followed by its parts whose lower bounds add up to "
        "more than it allows. The parts are a list in one sentence; the total is found before "
        "them by a cue ('including', 'among them', 'of whom'), by the set the list's sentence "
        "names ('Of the acts booked, 28 ...'; 'Of the new places, 1,100 ...', reaching any earlier count "
        "its words narrow alike; 'the passengers were 18 Britons, ...'), or by a "
        "verb of composition over the same noun or the thing divided ('it will be made up of "
        "220 medical beds, ...').\n"
        "A count 'the remaining' or 'the other' closes, after parts of the same thing in the two "
        "sentences before, is set against the total counted before those parts (warning).\n"
        "Why: a casualty or vote breakdown that does not add up is a factual error readers catch.\n"
        "Not flagged: parts that add up to less than the whole (the rest may be unlisted), vague "
        "parts ('dozens of'), totals that change over time.\n"
        "Example: 'Nine people died, among them four police officers and six civilians.'"
    ),
    needs=("count",),
    flags=(
        Example("Nine people died, among them four police officers and six civilians."),
        # a made thing is what it counts ("container ships"), though a verb "ship" names an event
        Example("Of the 52 vessels that passed through the canal, 30 were tankers, 18 were container ships and 9 "
                "were bulk carriers."),
        # "Of those" takes up the set just counted, whatever the parts then do
        Example("The trial enrolled 3,200 adults. Of those, 1,900 received the vaccine and 1,500 were given a "
                "placebo."),
        # a plain count is exact in a breakdown: 58 + 22 + 14 is not "90"
        Example("Officials said the 90 Ukrainians returned included 58 soldiers, 22 border guards and 14 civilians."),
        # the dead of "Among the dead" are those the killing counted
        Example("Twenty-one soldiers were killed when fighters ambushed a convoy on Saturday. The army did not "
                "name them. Among the dead were nine officers and 15 conscripts."),
        # "Fourteen of the trucks" divides the convoy's trucks, whatever each part did
        Example("A convoy of 26 aid trucks reached Gaza City on Tuesday. The trucks passed the checkpoint at dawn. "
                "Fourteen of the trucks carried flour, eight carried medical supplies and nine carried water."),
        # the dead are what the bodies recovered count, though no verb of killing says so
        Example("Rescuers have recovered 23 bodies from the landslide. Among the dead pulled from the mud were "
                "nine children, eight women and 11 men."),
        # a verb of composition spells out the total counted of one noun just before
        Example("The new block adds 450 beds to the hospital. It will be made up of 220 general medical beds, "
                "140 surgical beds, 60 critical care beds and 48 maternity beds."),
        # an opening "Of the new places" names the set, narrowed as its count was
        Example("The council will create 2,400 new school places over four years. The plan includes two new "
                "schools. It will cost about £96m. Of the new places, 1,100 will be in primary schools and 1,450 "
                "in secondary schools."),
        # "the remaining" closes a breakdown begun in the sentence before
        Example("The health board has received 120,000 doses of flu vaccine. A total of 70,000 doses have been "
                "earmarked for people over 65. The remaining 55,000 will go to younger adults."),
        # a copula's subject names the set its predicate counts, as "Of the passengers" would
        Example("The coach was carrying 30 passengers when it left the road. Two passengers were badly hurt. "
                "According to the prefecture, the passengers were 18 Britons, nine Germans and six Dutch nationals."),
    ),
    passes=(
        Example("The trial enrolled 3,200 adults. Of those, 1,700 received the vaccine and 1,500 were given a "
                "placebo."),
        Example("Nine people died, among them four police officers and five civilians."),
        Example("Twelve people died, including three children."),
        # "made up of" opens the parts: the first of them is no total
        Example("It will be made up of 220 general medical beds, 140 surgical beds, 60 critical care beds and 48 "
                "maternity beds."),
        Example("The health board has received 120,000 doses of flu vaccine. A total of 70,000 doses have been "
                "earmarked for people over 65. The remaining 50,000 will go to younger adults."),
        # the set the opening names is another noun than the total's
        Example("The council will create 2,400 new school places over four years. Of the new schools, 1,100 "
                "pupils will attend primary schools and 1,450 secondary schools."),
        # the rescuers are no part of the passengers
        Example("The coach was carrying 30 passengers when it left the road. The rescuers were 18 firefighters, "
                "nine paramedics and six police officers."),
        # another holder's beds: the old wing is no part of the new block
        Example("The new block adds 450 beds to the hospital. The old wing is made up of 220 medical beds, 140 "
                "surgical beds and 120 maternity beds."),
        Example("It will increase weekly flights to nine from May 31, comprising six trans-Siberian flights, including four non-stop flights, and three flights via Anchorage."),
        Example("Consolidated profits were lower at 185 mln francs compared with 200 mln in 1985, of which 120 mln, against 147 mln, was attributable to the group."),
    ),
    check=_part_exceeds,
)

SHARES_EXCEED = Rule(
    code="ARI002",
    name="shares-exceed-whole",
    family="arithmetic",
    severity=Severity.ERROR,
    summary="Shares of one whole (for, against, undecided) add up to more than 100%.",
    doc=(
        "What it flags: percentages of one poll or vote taking different sides ('backed', "
        "'opposed', 'undecided') in the same document, scope and source, summing above 100%; "
        "percentages listed together as shares of one whole named once ('58% of revenue, "
        "consumer devices for 31% and automotive chips for 19%'); and the shares a closing "
        "'the remaining 4%' ends, listed over up to two sentences before it (warning).\n"
        "Why: 61% for and 47% against cannot both be true of one group.\n"
        "Not flagged: shares from different sources, times or wholes; shares that sum to 100% "
        "or less; changes ('support rose to 61%').\n"
        "Example: '61% backed the plan ... 47% were against it'."
    ),
    needs=("percent",),
    flags=(
        Example("In the poll, 61% backed the plan. Another finding: 47% were against it."),
        # one whole named for the first share, left unsaid for the rest of the list
        Example("Data-centre products accounted for 58% of revenue in the quarter, consumer devices for 31% and "
                "automotive chips for 19%, the company said."),
        # "a further" adds its share to the one before, across a contrasting "while"
        Example("The department said 62% of children in the town have received both doses, while a further 45% "
                "have had one dose only."),
        # "the remaining 4%" closes a breakdown listed over the sentences before it
        Example("The survey puts Labour on 34%. The Conservatives are on 29%, the Greens on 18%, the Liberals on "
                "12% and the Reform party on 11%. Smaller parties account for the remaining 4%."),
    ),
    passes=(
        Example("In the poll, 61% backed the plan, while 34% were against it and 5% were undecided."),
        Example("Gas accounted for 60% of electricity in the quarter, and coal for 45% of heating."),
        # a share naming its whole begins the breakdown; an alternative is no second share
        Example("Unemployment stood at 4% in March. Labour won 60% of the vote, and the Conservatives took the "
                "remaining 40%."),
        Example("Sources said the new system would cover products representing about 45 pct of the market, "
                "instead of 65 pct under the present system."),
    ),
    check=_shares_exceed,
)

RULES = (PART_EXCEEDS_WHOLE, SHARES_EXCEED)
