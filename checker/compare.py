"""Same thing, or no comparison: the policies that decide whether two claims describe the
same thing in a compatible scope, and how sure that is: figures (identity), events that
dates belong to (same_event).

Identity has strength. Two figures with the same thing (noun lemma), nothing that sets
them apart (holder, whole, modifiers, event, actor, place, time) and one of these is
**strong** identity:

- a definite restatement of the nearest mention ("1,500 troops" ... "the 15,000 troops"),
- the same holder ("the town's population" ... "the town's population"),
- the same event by the same actor ("Russia moved ... troops" twice),
- the same whole ("23 of the 70 seats" ... "25 of the 70 seats").

Without any of these it is **weak**: the rules then ask the values themselves to look
like one figure mis-stated (a slip). Every reason to skip is counted in the report's
stats, so an editor can see what was not compared and why.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from .lexicon import lexicon
from .model import Claim

STRONG, WEAK = "strong", "weak"

# Qualifiers that make a figure something other than a restatement of a level.
_NOT_A_LEVEL = {
    "change": "change over time",
    "earlier": "an earlier level ('from 12%')",
    "increment": "increment, not a total",
    "partitive": None,  # decided by the whole below
    "rate": None,
    "tabular": "a row of a table (no verb, mostly figures)",
    "respectively": "figures each of its own thing ('respectively')",
    "enumerated": "a count of the names just listed ('X and Y ... the two banks')",
}

# Each claim is compared with at most this many earlier claims of its group. Real copy
# restates a figure a handful of times; a group of hundreds is a table or an attack, and
# all-pairs over it would be quadratic.
WINDOW = 40
# A definite restatement points back this far, in paragraphs, and no further.
ANAPHORA_PARAGRAPHS = 2


def group_key(c: Claim) -> tuple[str, str]:
    return (c.kind, c.unit)


@cache
def _synonym_key() -> dict[str, str]:
    return dict(lexicon().words["nouns"]["synonyms"])


def same_thing(a: Claim, b: Claim) -> str | None:
    """Whether two claims count or measure one kind of thing, and how we know: "same"
    (one lemma, or one key in lexicon.toml's noun synonyms), "synonym" (WordNet, in
    common senses), "event" (an event noun and the population its verb counts: "the
    death toll" and "people killed"), "valued" (an amount before a noun and a price held
    by that noun: "the $320m observatory", "the observatory's cost"; weak), "kind" (one is
    a kind of the other: "employees", "workers"; weak), or None."""
    x, y = a.subject, b.subject
    if not x or not y:
        return None
    if x == y:
        return "same"
    keys = _synonym_key()
    if keys.get(x, x) == keys.get(y, y):
        return "same"
    from . import lexical

    if " per " in x or " per " in y:
        # "unleaded at 185.4 cents a litre" and "the average at 158.4 cents a litre": a
        # price per litre with nothing said of what it prices is, weakly, any such price
        (na, _, da), (nb, _, db) = (f" {x}".partition(" per "), f" {y}".partition(" per "))
        return "kind" if da and da == db and not (na.strip() and nb.strip()) else None
    if a.kind == b.kind == "money":
        for p, q in ((a, b), (b, a)):
            # "the $320m observatory" prices the observatory, as "the observatory's cost"
            # or "the cost of the observatory" does: weak, a price has many names
            if p.get("how", "").split("+")[0] in ("modifies", "nummod") and q.get("holder") == p.subject:
                return "valued"
    if lexical.synonyms(x, y, "n") or lexical.shortened_synonyms(x, y):
        return "synonym"
    ca, cb = a.get("event_class", ""), b.get("event_class", "")
    classes = _noun_classes()
    if a.unit == "[time]":
        # a length is its own noun's: "convicted after a two-week trial" measures the
        # trial, whatever class the verb of its clause is in
        ca, cb = classes.get(x, ""), classes.get(y, "")
    if (x in classes and classes[x] == cb) or (y in classes and classes[y] == ca):
        return "event"
    d = lexical.related_kind(x, y)
    if d is not None and d <= 2:
        return "kind"
    if a.kind == b.kind == "measure" and len(x.split()) == len(y.split()) == 1 and _names_a_lot(x) != _names_a_lot(y):
        # "740 kilograms of cocaine" and "the 470-kilogram haul": a noun that names an
        # amount ("haul", "catch", "load") weighs whatever the story weighs; weak
        return "amount"
    return None


def _names_a_lot(noun: str) -> bool:
    """A noun that names an amount of whatever the story measures: one WordNet files as an
    indefinite quantity ("haul", "catch"), or a light noun of counting with its thing
    unsaid ("a 24-hour total of 210mm")."""
    from . import lexical
    from .extract.measured import COUNT_NOUNS

    return noun in COUNT_NOUNS or lexical.names_an_amount(noun)


@cache
def _noun_classes() -> dict[str, str]:
    from .extract.measured import event_classes

    return event_classes()


@cache
def _event_class() -> dict[str, str]:
    """Verb lemmas grouped into the event classes of lexicon.toml ("killed"/"died")."""
    from . import lexical
    from .syntax import _regular

    out: dict[str, str] = {}
    for form, cls in lexicon().predicate_of.items():
        out.setdefault(form, cls)
        first, _, rest = form.partition(" ")
        for cand in (lexical.lemma_of_form(first, "v") or "", *_regular(first, "v")):
            if cand:
                out.setdefault(f"{cand} {rest}".strip(), cls)  # "took part" -> "take part"
    return out


def same_verb(a: str, b: str) -> bool:
    """Two clause verbs of two figures name one event: the same lemma, WordNet synonyms
    in their common senses, or one event class of lexicon.toml."""
    if not a or not b:
        return False
    if a == b:
        return True
    from . import lexical

    if lexical.synonyms(a, b, "v"):
        return True
    classes = _event_class()
    return a in classes and classes.get(a) == classes.get(b)


@cache
def _light() -> frozenset[str]:
    return frozenset(lexicon().words["light_verbs"]["lemmas"])


def _distinct_classes(a: str, b: str) -> bool:
    """Two verbs that sort one group into different outcomes ("killed" and "injured",
    "arrested" and "released"): the event classes of lexicon.toml. Other verbs around a
    figure ("ran a fund for 340 investors", "the 430 investors who suffered") say nothing
    about which group it counts."""
    classes = _event_class()
    ca, cb = classes.get(a), classes.get(b)
    return ca is not None and cb is not None and ca != cb


def _context_link(a: Claim, b: Claim) -> bool:
    shared = a.get("context", frozenset()) & b.get("context", frozenset())
    return len(shared) >= 2 or bool(shared and (a.get("definite") or b.get("definite")))


class Identity(NamedTuple):
    strength: str  # STRONG or WEAK
    why: str  # what made it strong, or what little linked a weak pair


def identity(a: Claim, b: Claim, nearest: bool) -> Identity | str:
    """How surely a and b (a first) are the same figure, or why they are not compared.
    nearest: a is the closest earlier mention of b's thing in b's document."""
    thing = same_thing(a, b) or _participants(a, b)
    if thing is None:
        return "different subjects"
    if a.document == b.document and a.sentence == b.sentence and not (
            "elided" in b.qualifiers and a.source and b.source and a.source != b.source):
        # one sentence lists, ranges and converts; only a second voice ("Kyiv said 250
        # soldiers; Russia said 212") restates a figure in it
        return "same sentence (a list, a range or a conversion)"
    for q, reason in _NOT_A_LEVEL.items():
        if reason and (q in a.qualifiers or q in b.qualifiers):
            return reason
    if ("rate" in a.qualifiers) != ("rate" in b.qualifiers):
        return "a rate or price against an amount ('95 sucres to the dollar')"
    if "updated" in b.qualifiers and a.document == b.document and a.paragraph <= b.paragraph:
        # "raised the toll to four", "rose to 121,000": the copy says the figure changed
        # since the earlier mention.
        return "a new level after a change"
    ha, hb = a.get("holder", ""), b.get("holder", "")
    # "its quota" twice may be two countries' quotas: a pronoun says whose only through
    # what it points back to, which is not resolved here, so it is no holder at all
    # (the extractor keys it ""), and "its 37 seats" is no restatement of another's "57 seats"
    pronoun = "pronoun" in (a.get("holder_kind"), b.get("holder_kind"))
    if ha and hb and ha != hb and not _same_owner(ha, hb):
        return "different holders"
    share = a.kind == "percent" or "partitive" in a.qualifiers
    # an "actor" with a digit in it ("4th qtr", "A300-600R") is a misparsed table cell
    xa, xb = (x if not any(ch.isdigit() for ch in x) else "" for x in (a.get("agent", ""), b.get("agent", "")))
    if share and xa and xb and xa != xb:
        return "shares of different holders"  # "Labour took 61 of the 150 seats", "the Tories 78"
    if {a.get("how", "").split("+")[0], b.get("how", "").split("+")[0]} == {"of-set", "modifies"}:
        return "a sum over several things against one of them ('$100m of its loans', 'the $6bn loan')"
    wa, wb = a.get("whole", ""), b.get("whole", "")
    if ("partitive" in a.qualifiers) != ("partitive" in b.qualifiers):
        return "a part against a whole"
    if wa and wb and wa != wb:
        return "parts of different wholes"
    ma, mb = set(a.get("modifiers", ())), set(b.get("modifiers", ()))
    # a modifier that names the first mention's own act again ("jailed for four years" ...
    # "the four-year jail term", "in custody") restricts nothing
    if a.unit == "[time]":
        mb -= _naming(a)
    # Disjoint modifiers ("guided aerial bombs", "glide bombs") may name one thing two
    # ways or two things: never strong, and counted.
    disjoint = bool(ma and mb and not (ma & mb))
    # A restatement repeats or drops what narrowed the first mention; a later mention that
    # adds a restriction ("the two remaining counts", "the 23 people being treated")
    # names a part or another group.
    # Nor does a bare "the stage" single out "Friday's 13th stage" among the race's stages.
    ia, ib = set(a.get("instance", ())), set(b.get("instance", ()))
    if ia and ib and ia != ib:
        return "different instances"
    # Only a figure inside a definite noun phrase ("the 15,000 troops", "the 300-km
    # pipeline") presents itself as known; "the sale of 15,000 tonnes" or "the supply was
    # 5.9 months" state a figure, whatever their determiner.
    how_b = b.get("how", "").split("+")[0]
    # A measure of one thing named again ("the blockade lasted six weeks", "the canal is 80
    # km long") gives that thing's length a second value: the thing is the restatement.
    # A dimension of a thing introduced with it ("a 40-metre breach") and named with it
    # again ("the 400-metre breach") is that thing's for the whole story: a length does not
    # change as counts and tolls do, so the restatement may come any number of paragraphs on.
    # "a 25-day blockade" ... "the blockade, which lasted six weeks": so is a measure
    # stated of it in a clause of its own.
    # So is a measure stated of a thing by a verb of measuring or a dimension ("the bridge
    # spans 400 metres", "the ship is 330 metres long") and named with it later ("the
    # 460-metre bridge").
    how_a = a.get("how", "").split("+")[0]
    # So is a length of time a clause states of its act ("was jailed for four years",
    # "construction took three years"): one act has one length, and "his 40-month
    # sentence" paragraphs later names it again.
    act_length = a.unit == "[time]" and how_a == "clause-subject"
    attribute = (a.kind == b.kind == "measure" and a.document == b.document
                 and b.get("how") in ("modifies", "clause-subject", "copula", "dimension")
                 and (how_a in ("modifies", "dimension") or act_length
                      or (how_a == "clause-subject" and a.get("predicate") in MEASURING and a.get("definite"))))
    presupposed = how_b in ("nummod", "modifies") or (
        b.kind == "measure" and how_b in ("clause-subject", "copula", "dimension")
    )
    anaphora = (
        # ("his 40-month sentence" after "was jailed for four years": whose the act was
        # is said by the act, and the pronoun points back to its participant)
        nearest and presupposed and not disjoint and not (pronoun and not act_length) and not a.get("subset")
        and b.get("definite")
        and (b.paragraph - a.paragraph <= ANAPHORA_PARAGRAPHS or attribute) and mb <= ma
        and ia <= ib
        # whose share it is must be said, and the same, both times, or "the vote" points
        # at anyone's; a possessor added later ("the city's 1.3 million people") narrows
        and not (share and not ((ha or xa) and (ha or xa) == (hb or xb)))
        and not (hb and not ha)
        # "The 400 series ..." then "the 300 series": a figure inside a definite noun
        # phrase names its own referent; only a figure that introduced one is pointed back to
        # A length of time is no name, though: "the six-week trial" ... "the trial lasted 11
        # weeks" states the trial's length again
        and not (a.get("definite") and a.get("how", "").split("+")[0] in ("nummod", "modifies")
                 and not (a.unit == "[time]" and how_b in ("clause-subject", "copula", "dimension")))
        # and only a figure that named a set or an amount of something ("1,500 troops", "a
        # loan of $5m") introduced one: a bare figure ("remains at 37,000", "to buy 27 of
        # the jets") introduced nothing to point back to
        and a.get("how", "").split("+")[0] != "bare"
    )
    ea, eb = a.get("predicate") or "", b.get("predicate") or ""
    events = same_verb(ea, eb)
    if not anaphora and not events and _distinct_classes(ea, eb):
        return "different events"
    if a.place and b.place and a.place != b.place:
        return "different places"
    if not anaphora and a.time and b.time and a.time != b.time:
        return "different times"
    if _dated_apart(a, b):
        return "different times (stories a week or more apart, each figure as of its own)"
    if events and xa and xb and xa != xb and not anaphora:
        return "different actors"
    if ("unasserted" in a.qualifiers) != ("unasserted" in b.qualifiers):
        return "a projection against a level ('expected 31,000', 'added 88,600')"
    if disjoint:
        return Identity(WEAK, "different modifiers")
    owner = _owner_link(a, b)
    # "the plant's 1,200 workers", "the refinery's workforce of 1,400": a possessor's
    # presupposed set is all of it, whatever the clause does with it; a figure a verb acts
    # on ("sold 300,000 shares") is one act's
    whole_set = _of_people(a) and any(
        c.get("definite") and c.get("holder_kind") == "possessor"
        and c.get("how", "").split("+")[0] in ("nummod", "modifies", "value-of") for c in (a, b))
    acts_differ = bool(ea and eb and not events and not whole_set)
    resolved = "resolved" in (a.get("holder_kind"), b.get("holder_kind"))
    if thing == "kind" and owner and not acts_differ and not resolved:
        # "the plant's 1,200 workers" ... "1,800 employees at the factory": one group of
        # one holder, named by a noun and its near kind
        return Identity(STRONG, f"same holder ({owner}); {a.subject} and {b.subject} are kinds of one another")
    if thing == "kind":
        return Identity(WEAK, f"{a.subject} and {b.subject} are kinds of one another")
    if thing == "valued":
        return Identity(WEAK, "an amount of a thing and that thing's price")
    if thing == "amount":
        lot = a.subject if _names_a_lot(a.subject) else b.subject
        return Identity(WEAK, f"'{lot}' names an amount of what the story measures")
    if b.get("indefinite") and a.document == b.document:
        # "a 400-metre breach" after "the 300-metre breach": a new one, or careless copy.
        return Identity(WEAK, "indefinite mention")
    if anaphora:
        return Identity(STRONG, "definite restatement of the nearest mention")
    if owner and (a.get("subset") or b.get("subset")):
        return Identity(WEAK, f"same holder ({owner}), but one figure is some of its own")
    if owner:
        # a holder has many figures of one noun ("bought 600,000 of its shares", "sold
        # 300,000 shares"): the holder makes them one figure only in one and the same act
        if acts_differ:
            return Identity(WEAK, f"same holder ({owner}), different acts")
        if resolved:
            # "its debts" read as Sudan's: a pronoun's antecedent is a guess, never proof
            return Identity(WEAK, f"same holder ({owner}) through a pronoun")
        return Identity(STRONG, f"same holder ({owner})")
    if wa and wa == wb and xa == xb:
        return Identity(STRONG, f"same whole ({wa})")
    pa_, pb_ = a.get("patient", ""), b.get("patient", "")
    if events and xa and xa == xb and ma == mb and a.time == b.time and ea not in _light():
        return Identity(STRONG, f"same event ({ea}) by the same actor ({xa})")
    if events and pa_ and pa_ == pb_ and ma == mb and a.time == b.time and ea not in _light():
        return Identity(STRONG, f"same event ({ea} {pa_})")
    if events and ea not in _light():
        return Identity(WEAK, "same event")
    if _context_link(a, b):
        return Identity(WEAK, "shared context")
    return Identity(WEAK, "same noun only")


# Stories this many days apart tell figures that change (counts, amounts, shares) as of
# different dates: a monthly release and the next one, last week's toll and today's.
STORY_DAYS_APART = 7


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Two figures that change over time, in two stories published a week or more apart,
    neither with a time of its own."""
    if a.document == b.document or a.time or b.time or a.kind not in ("count", "money", "percent"):
        return False
    pa, pb = a.get("published"), b.get("published")
    return pa is not None and pb is not None and abs(pa - pb) >= STORY_DAYS_APART


def _naming(c: Claim) -> set[str]:
    """Words that name what c measures again: its thing, its verb, and the nouns of its
    event class (lexicon.toml [predicates])."""
    own = {c.subject, c.get("predicate") or ""} - {""}
    cls = c.get("event_class", "")
    return own | _class_nouns(cls) if cls else own


@cache
def _class_nouns(cls: str) -> frozenset[str]:
    """The words of one event class, gathered once, not per pair compared."""
    return frozenset(n for n, k in _noun_classes().items() if k == cls)


def _same_owner(x: str, y: str) -> bool:
    """Two holders named by one noun, WordNet synonyms or a near kind ("the plant", "the
    factory"; "the refinery", "the plant")."""
    from . import lexical

    if x == y:
        return True
    if " " in x or " " in y:
        return False  # "the Ohio plant", "ITT Corp": a named holder is only itself
    d = lexical.related_kind(x, y)
    return d is not None and d <= 1


def _owner_link(a: Claim, b: Claim) -> str:
    """The holder two figures share, by the policy of _same_owner: both holders, or one's
    holder and the other's noun after "at"/"of" ("1,800 employees at the factory"); "" if
    none. A modified holder ("the 24,000-capacity ground") names a kind, not an owner."""
    ha, hb = a.get("holder", ""), b.get("holder", "")
    if "modified" in (a.get("holder_kind"), b.get("holder_kind")):
        return ""
    if ha and hb:
        return ha if _same_owner(ha, hb) else ""
    one, other = (a, b) if ha else (b, a)
    h = one.get("holder", "")
    if not h or not _of_people(one):
        # shares, tonnes, dollars: a firm's or a ship's own figure and one an act moves
        # ("3.25 mln Viacom shares") are too often a part and its whole
        return ""
    for m in other.get("modifiers", ()):
        if _same_owner(h, m):
            return f"{h} / {m}"
    # "It employs 900 people", "the ground holds 42,000": the subject of a verb of having
    # is the owner of what it has
    x = other.get("agent", "")
    if x and other.get("predicate") in _HAVING and _same_owner(h, x):
        return f"{h} / {x}"
    return ""


# The event class of lexicon.toml whose counts are of those who took part.
_PARTICIPATION = "attend"


def _participants(a: Claim, b: Claim) -> str | None:
    """Two counts of the people who took part in something ("2,500 people took part",
    "10,000 marchers had joined them", "12,000 teachers ... took part in the rally") count
    one crowd, whatever noun each voice counts it by: "participants" (weak), or None."""
    if a.kind != "count" or b.kind != "count":
        return None
    classes = _event_class()
    if any(classes.get(c.get("predicate") or "") != _PARTICIPATION for c in (a, b)):
        return None
    return "participants" if _of_people(a) and _of_people(b) else None


def _of_people(c: Claim) -> bool:
    """A count of people or of a body of them ("workers", "crew", "workforce"): a holder's
    people are one group, whatever verb the clause has."""
    from . import lexical

    if c.kind != "count" or not c.subject:
        return False
    noun = c.subject.split()[-1]
    return noun == "person" or bool(lexical.noun_domains(noun) & {"person", "group"})


# Verbs that state a dimension of their subject ("the bridge spans 400 metres"), a closed
# class: what they measure does not change as counts and tolls do.
MEASURING = frozenset({"span", "weigh", "measure", "stretch", "stand", "extend"})
# Verbs of having: their subject owns the figure they take (a closed class).
_HAVING = frozenset({"have", "own", "hold", "employ", "house", "seat", "accommodate", "contain", "carry", "keep"})


class Pair(NamedTuple):
    a: Claim
    b: Claim
    identity: Identity


def comparable_pairs(claims: list[Claim], kinds: set[str], skipped: Counter[str]) -> Iterator[Pair]:
    """Pairs (earlier, later) within each group of one kind, unit and thing: never all
    pairs over a document, so cost follows the size of the groups, not of the text."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in kinds and c.subject:
            groups[group_key(c)].append(c)
    for key in sorted(groups):
        members = groups[key]
        for j, b in enumerate(members):
            if j > WINDOW:
                skipped["beyond the comparison window"] += j - WINDOW
            found: list[Pair] = []
            nearest_seen = False
            # "a nine-year bond and a 13-year bond ... the 13-year bond": a figure that
            # repeats an earlier mention of its thing says which one it is, and is no
            # restatement of the others
            # So does a definite figure that repeats the value counted in its sentence or the
            # one before, whatever noun counted it ("there had been three arrests ... the
            # three people were held"): it points back to that set, not to another figure.
            names_one = b.value is not None and any(
                a.document == b.document and a.value == b.value and a.unit == b.unit
                and (same_thing(a, b) is not None or (b.get("definite") and 0 <= b.sentence - a.sentence <= 1))
                for a in members[max(0, j - WINDOW):j])
            # Nearest first, so the first earlier mention of the same thing in b's document
            # is known to be the nearest without looking again.
            for i in range(j - 1, max(0, j - WINDOW) - 1, -1):
                a = members[i]
                nearest = False
                if not nearest_seen and a.document == b.document and same_thing(a, b) is not None:
                    nearest = nearest_seen = True
                got = identity(a, b, nearest)
                if names_one and not isinstance(got, str) and a.value is not None and b.value is not None \
                        and not a.value.overlaps(b.value):
                    got = "the figure of an earlier mention, naming which of several"
                if isinstance(got, str):
                    skipped[got] += 1
                else:
                    found.append(Pair(a, b, got))
            yield from reversed(found)


# --- events ------------------------------------------------------------------------

def same_event(a: Claim, b: Claim) -> str | None:
    """How two dated mentions name one event (checker/extract/events.py reads each), or
    None. The same word or class is not enough: a story cuts rates in July and again in
    September, and a war has a strike every day. One of these must hold too: the two share
    their object ("opened the tunnel", "it opened"), one names the event as one already
    known ("the launch", "Saturday's strike", "its 9 May ruling"), or the same actor does
    it with no object named."""
    how = _same_word(a, b)
    if how is None:
        return _phase_of_known(a, b)
    pa, pb = a.get("patient", ""), b.get("patient", "")
    if pa and pa == pb:
        return f"{how}, same object ({pa})"
    if pa and pb and _restated_head(pa, pb):
        return f"{how}, same object ({pa} / {pb})"
    if a.get("event_definite") or b.get("event_definite"):
        return f"{how}, named as a known event"
    if a.document == b.document and a.sentence == b.sentence and "anchored" in (a.get("relative"), b.get("relative")):
        # "are due to begin ten days after the consent, on March 18": one verb dated twice
        return f"{how}, one sentence"
    xa, xb = a.get("agent", ""), b.get("agent", "")
    if xa and xa == xb and not (pa or pb):
        return f"{how}, same actor ({xa})"
    return None


def _restated_head(x: str, y: str) -> bool:
    """One object named again with fewer modifiers ("a health emergency" ... "the
    emergency"): the shorter is the end of the longer. Two different modifiers of one head
    ("the rail bridge", "the road bridge") are two things."""
    short, long = sorted((x.split(), y.split()), key=len)
    return len(short) < len(long) and long[-len(short):] == short


def _phase_of_known(a: Claim, b: Claim) -> str | None:
    """"The match kicked off at 7:45 p.m." and "the 8:45 p.m. kick-off": a definite noun
    of a phase, of nothing named, is that phase of the event the copy is about, dated
    earlier by a verb of the same phase."""
    pa, pb = a.get("phase", ""), b.get("phase", "")
    if not pa or pa != pb or a.document != b.document:
        return None
    for noun in (a, b):
        if (noun.get("found_by") in ("attributive", "after noun") and noun.get("event_definite")
                and not noun.get("patient") and not noun.get("agent")):
            return f"the {pa} of the event named before"
    return None


def _same_word(a: Claim, b: Claim) -> str | None:
    """Two event words are one: the same lemma (a noun counts as its verb: "conviction",
    "convicted"), one event class of dates.toml, WordNet synonyms ("began", "started"),
    or one a direct kind of the other ("verdict", "ruling")."""
    from . import lexical

    ka, kb = a.subject, b.subject
    wa, wb = a.get("event_word") or ka, b.get("event_word") or kb
    if ka == kb:
        return "same word"
    ca, cb = a.get("event_class", ""), b.get("event_class", "")
    if ca and ca == cb:
        return "one event class"
    if lexical.synonyms(ka, kb, "v") or lexical.synonyms(wa, wb, "n") or lexical.shortened_synonyms(wa, wb):
        return "synonyms"
    # "ran aground" and "the grounding": a phrasal verb's own senses are narrow, and one of
    # them lists the plain verb ("ground, strand, run aground")
    for x, y in ((ka, kb), (kb, ka)):
        if " " in x and " " not in y and any(y in lexical.members(s) for s in lexical.synsets(x, "v")):
            return "synonyms"
    d = lexical.related_kind(wa, wb, "n")
    if (d is not None and d <= 1) or lexical.shortened_kind(wa, wb):
        return "one a kind of the other"
    return None


def participants_differ(a: Claim, b: Claim) -> str | None:
    """Two mentions of one kind of event by different actors or on different things
    ("Country A's regulator approved it", "Country B's commission approved it"). A
    subject of one that is the other's object is the same participant seen from the
    other side ("parliament passed the bill", "the bill passed")."""
    from . import lexical

    xa, xb = a.get("agent", ""), b.get("agent", "")
    pa, pb = a.get("patient", ""), b.get("patient", "")
    crossed = (xa and xa in (pb,)) or (xb and xb in (pa,))
    if crossed:
        return None
    # "the main crop, which starts on October 1" and "the May 1 start of the temporao": an
    # intransitive verb's subject is what its noun's "of" names
    for x, p_other, p_own, x_other in ((xa, pb, pa, xb), (xb, pa, pb, xa)):
        if x and p_other and not p_own and not x_other and x != p_other \
                and lexical.related_kind(x.split()[-1], p_other.split()[-1]) != 0:
            return "different things"
    if xa and xb and xa != xb and lexical.related_kind(xa.split()[-1], xb.split()[-1]) != 0:
        return "different actors"
    if pa and pb and pa != pb and lexical.related_kind(pa.split()[-1], pb.split()[-1]) != 0:
        return "different objects"
    return None
