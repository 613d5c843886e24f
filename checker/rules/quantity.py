"""Quantity family: one amount, count, measure, price or share stated twice with values
that cannot both be true."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from ..attribution import is_party, same_source
from ..compare import MEASURING, STRONG, Identity, same_thing
from ..lexical import related_kind
from ..lexicon import lexicon
from ..model import Claim, Finding, Severity
from .base import Example, Rule, RuleContext
from .values import _digits, distinctive, likely_cause, ratio, shown

# Two sources may disagree widely ("40" vs "400"), but a twentyfold gap between figures
# linked only by context is more often two different things; and a dispute is reported
# where it happens, in one paragraph or the next.
MAX_DISPUTE_RATIO = 20.0

_KIND_LABEL = {"count": "count", "measure": "measurement", "money": "amount", "percent": "percentage"}


def _mismatch(ctx: RuleContext) -> Iterator[Finding]:
    # One finding per restatement, against the contradiction an editor would pair it
    # with: a strong one first, in the same document if there is one, else the nearest.
    best: dict[tuple[str, int], tuple[Claim, Claim, Identity, str | None]] = {}
    for a, b, ident, cause in _contradictions(ctx):
        key = (b.document, b.start)
        held = best.get(key)
        rank = (ident.strength == STRONG, a.document == b.document, a.start)
        if held is None or rank > (held[2].strength == STRONG, held[0].document == b.document, held[0].start):
            best[key] = (a, b, ident, cause)
    for a, b, ident, cause in sorted(best.values(), key=lambda x: (x[1].sort_key(), x[0].sort_key())):
        assert a.value is not None and b.value is not None
        what = _KIND_LABEL[b.kind]
        sure = ident.strength == STRONG
        msg = (
            f"'{a.text}' ({shown(a, b)}) vs '{b.text}' ({shown(b, a)}): "
            f"two values for the same {what} ({_thing(b)}; {ident.why})"
            + (f"; {cause}" if cause else "")
        )
        yield Finding(
            claims=(a, b),
            message=msg,
            evidence={
                "values": [a.normalized, b.normalized],
                "intervals": [[a.value.lo, a.value.hi], [b.value.lo, b.value.hi]],
                "unit": a.unit,
                "subject": b.subject,
                "cause": cause,
                "identity": ident.strength,
                "identity_why": ident.why,
            },
            max_severity=None if sure else Severity.WARNING,
        )


def _thing(c: Claim) -> str:
    holder = c.get("holder", "")
    return f"{c.subject} of {holder}" if holder else c.subject


def _contradictions(ctx: RuleContext) -> Iterator[tuple[Claim, Claim, Identity, str | None]]:
    crowd = _crowding(ctx.of_kind("measure", "money"))
    sizes = _sole_sizes(ctx)
    for a, b, ident in ctx.pairs("count", "measure", "money", "percent"):
        assert a.value is not None and b.value is not None
        if a.unit == "[time]":
            continue  # durations: the duration family
        if a.value.overlaps(b.value):
            continue
        cause = likely_cause(a, b)
        if ident.strength == STRONG:
            yield a, b, ident, cause  # the same figure: any disagreement is a finding
            continue
        listed = ("listed" in a.qualifiers) + ("listed" in b.qualifiers)
        if listed == 2 or (listed and not (cause or "").startswith("same number")):
            ctx.skipped["weak identity within a list of figures"] += 1
            continue
        # Same noun and scope, little else in common: only a telling slip ("164 billion"
        # and "146 billion" zlotys of deficit) or two sources disputing one figure close
        # together say they are one figure. Two unrelated figures of one kind and noun
        # ("nine killed" in one quake, "2,400" in another) are common in copy.
        crowded = max(crowd[(a.kind, a.unit, a.document)], crowd[(b.kind, b.unit, b.document)]) > CROWDED
        if cause is not None and cause != "one digit differs" and (cause.startswith("same number") or distinctive(a, b)):
            if crowded and not cause.startswith("same number"):
                ctx.skipped["weak identity: a slip pattern among many amounts of one unit is chance"] += 1
                continue
            yield a, b, ident, cause
            continue
        # two parties, each named well enough to hold a view against the other
        disputing = is_party(a.source) and is_party(b.source) and not same_source(a.source, b.source)
        close = a.document == b.document and b.paragraph - a.paragraph <= 1
        # A second source answering the first: the same event, shared words around the
        # figures, or, for a bare shared noun, the answer in the next sentence.
        # A second source answering the first: the same event, or a bare figure in the very
        # next sentence ("Kyiv said 250 soldiers ... Russia said 212") or one for the same
        # stated day or place ("3,400 nurses on Monday", "1,900 on Monday"). Shared words or a
        # shared noun link two sources' figures no better than two figures of one source:
        # in wire copy every sentence has a source, and such pairs were other figures.
        answers = ident.why == "same event" or (
            a.document == b.document and b.sentence - a.sentence <= 1
            and ("elided" in b.qualifiers or bool(a.time and a.time == b.time) or bool(a.place and a.place == b.place)
                 # or the very thing the first voice predicated the figure of: "turnout was
                 # 51.7%" ... "turnout had been below 45%"
                 or (a.subject == b.subject and {a.get("how"), b.get("how")} == {"copula"}))
        ) or (
            # or a voice that sets its sentence against what came before ("Police, however,
            # estimated about 90,000 people attended"; "But the party said 15,000 patients
            # were waiting")
            a.document == b.document and b.sentence - a.sentence <= 3 and b.get("answering", False)
        ) or (
            # or a voice that only gives its count of the thing, with no act of its own
            # ("Police said about 400 tractors took part. The union put the number at 1,500
            # tractors"): an estimate of what the sentence before counted
            a.document == b.document and b.sentence - a.sentence <= 2 and (_estimate(a) or _estimate(b))
        )
        if disputing and close and answers and ratio(a, b) <= MAX_DISPUTE_RATIO:
            yield a, b, ident, cause
            continue
        if (a.document, a.start) in sizes and (b.document, b.start) in sizes and a.document != b.document:
            yield a, b, Identity(ident.strength, f"{ident.why}; the only {_DIMENSION_NAME[a.unit]} each story "
                                                 f"gives a {a.subject}"), cause
            continue
        ctx.skipped["weak identity and values differ but not by a slip"] += 1


def _estimate(c: Claim) -> bool:
    """A figure a voice gives with a verb of lexicon.toml's count_giving_verbs."""
    return (c.get("predicate") or "") in lexicon().words["attribution"]["count_giving_verbs"]


MISMATCH = Rule(
    code="QTY001",
    name="quantity-mismatch",
    family="quantity",
    severity=Severity.ERROR,
    summary="The same quantity is given two values that cannot both be true.",
    doc=(
        "What it flags: two counts, measures, amounts of money or percentages about the same "
        "thing (same counted noun or measured property, same event, compatible place and time) "
        "whose values do not overlap once units, scale words and qualifiers are normalized.\n"
        "Why: a figure restated with a slipped digit, scale word or unit is the error editors "
        "miss most often.\n"
        "Not flagged: different places or times, changes over time, increments ('another 10'), rates "
        "('500 trucks a day'), figures asked for, expected or planned, "
        "parts of a set ('three of the nine'), values within the stated precision ('about 1,000' "
        "and 1,020), conversions in the same sentence ('500 miles (805 km)'), different currencies.\n"
        "Across documents of one check, the length or mass each story gives one made thing, "
        "when neither sizes another made thing ('the 330-metre container ship' in a "
        "statement, 'the vessel, which is 290 metres long' in the story), is one size told "
        "twice (a warning).\n"
        "Example: 'a 200-kilometre front' ... 'the 200-mile front'."
    ),
    needs=("count", "measure", "money", "percent"),
    flags=(
        Example("Russia withdrew 1,500 troops from the front. Analysts said the 15,000 troops withdrawn would not be enough."),
        Example("The brigade holds a 200-kilometre front. Commanders say the 200-mile front is stretched thin."),
        Example("The bank approved a €2.5 billion loan on Tuesday. Critics said the €250 million loan came too late."),
        # one holder's people named by a noun and its near kind, the holder by a synonym
        Example("The creamery will close with the loss of the plant's 1,200 workers. Managers told the 1,800 "
                "employees at the factory on Monday."),
        # digits swapped in a figure under ten: two significant digits are enough to slip
        Example("The 3.6-tonne satellite reached orbit on Friday, the agency said. The satellite, which weighs "
                "6.3 tonnes, carries two cameras."),
        # a second voice predicating its figure of what the first did, in the next sentence
        Example("The commission said turnout was 51.7%, above the 33% needed. The opposition said turnout had been "
                "below 45%."),
        # a second voice's estimate of what the first gave, whatever it calls it
        Example("The agency said 40,000 hectares of forest had burned. Environmental groups put the damage at "
                "90,000 hectares."),
        # two voices counting those who took part, each by its own noun: one crowd, disputed
        Example("Gardaí estimated that 2,500 people took part in the march. Organisers said 10,000 marchers had "
                "joined them."),
        # a second voice that sets its sentence against the first ("But ...", "however")
        Example("The health board said 12,400 patients were on its waiting list in September. It credited extra "
                "weekend clinics. But the opposition said 15,000 patients were waiting for surgery."),
        # a voice giving only its own count, the sentence after another voice's count
        Example("Police said about 400 tractors had blocked the ring road. The farmers' union put the number at "
                "1,500 tractors."),
        # a dimension a verb of measuring states, named with the thing paragraphs later
        Example("The cable-stayed bridge spans 400 metres between the docks and the estate.\n\nThe minister cut "
                "the ribbon.\n\nShe said it would help.\n\nEngineers say the 460-metre bridge is the longest of its "
                "type in Wales."),
        # measures in two units slip in the unit they share (4,200 kg and 2,400 kg)
        Example("The satellite weighs 4.2 tonnes at launch. Signals were received 42 minutes after lift-off. The "
                "2,400kg spacecraft is heading for a geostationary orbit."),
        # the one size each story of a check gives one made thing
        Example(documents=(
            {"id": "statement", "text": "At 03:40 the 330-metre container ship ran aground six nautical miles off "
                                        "Helgoland."},
            {"id": "story", "text": "The vessel, which is 290 metres long, was towed to Bremerhaven."},
        )),
    ),
    passes=(
        Example("The convoy travelled 500 miles (805 km). The 805-kilometre journey took two days."),
        # a story that sizes two ships says which is which: no one ship's size told twice
        Example(documents=(
            {"id": "statement", "text": "The 330-metre container ship ran aground beside a 200-metre tanker."},
            {"id": "story", "text": "The vessel, which is 290 metres long, was towed to Bremerhaven."},
        )),
        Example("About 1,000 people attended. Organisers later counted 1,020 people."),
        Example("Shelling hit 12 villages in Sumy. In Kharkiv, 30 villages were hit."),
        # a sum over several loans is no one loan
        Example("The bank converted 100 mln dlrs of its own loans into equity this week. Mexico said the program "
                "would resume once the first part of the six billion dlr loan is disbursed."),
        Example("On Monday officials counted 40 bodies. By Friday the count reached 65 bodies."),
        Example("At least 12 people were killed and 40 people were injured in the attack."),
        Example("Police said 3,000 people marched to the square. Organisers said 12,000 spectators lined the route."),
        # two sources' counts of one noun two sentences apart, with nothing setting one against the other
        Example("The health board said 12,400 patients were on its waiting list in September. It credited extra "
                "weekend clinics. The opposition said 15,000 patients were waiting for surgery."),
        # a figure the parse hangs on "said" is no estimate: another voice's other count
        Example("The brigade said it destroyed six vehicles. Its spokesman, Colonel Ivan Sirko, said about 20 tanks "
                "and armoured vehicles advanced on the crossing."),
        # a measure right after a verb of change is the change, however the parser hung it
        Example("The founding family owns 41% of the shares and has agreed to sell. Valtra shares fell 4.1% in "
                "Amsterdam."),
        Example("Qatar's output fell to 180,000 bpd in early March compared with its 285,000 bpd quota. Nigeria's output was about one mln bpd, down from 1.14 mln bpd in February and its quota of 1.238 mln bpd."),
        Example("It wants more banks in San Antonio, where it currently has only 16 member banks, he said. The combination of former archrivals RepublicBank and InterFirst, giving the two banks a virtual lock on the Dallas market, has not changed those plans."),
        # shares a firm has and shares an act moves are a whole and its part
        Example("Southland said it bought 600,000 of its shares last year. It sold 300,000 shares in March."),
        # a pronoun's antecedent is a guess: "its debts" read as Sudan's decides nothing
        Example("Sudan agreed to service half of its debts in commodities. Officials say 32 pct of Sudan's total "
                "foreign debt is owed to Arab countries."),
        # a count in each period is a rate, not a convoy's size
        Example("Monday's convoy of 24 trucks reached the city. Aid agencies said it was far short of the 500 "
                "trucks a day the city needs."),
        # a fine asked for is no fine imposed
        Example("Prosecutors had asked for a fine of $6 million. The $42 million fine is among the largest "
                "imposed."),
        Example("Itel said it obtained commitments for a six-year secured loan of about 325 mln dlrs. The proceeds will be used to repay the 395 mln dlr bridge loan Merrill Lynch provided for the purchase."),
    ),
    check=_mismatch,
)

# Not a level that a slip could have restated: changes, parts, bounds, and figures of a
# table (whose rows and columns the prose does not say).
_NOT_A_LEVEL = {"change", "increment", "partitive", "rate", "vague", "lower", "lower_open", "upper", "upper_open", "range",
                "tabular", "respectively", "earlier"}
MAX_GROUP = 200  # beyond this a group is a table of figures, not prose restating one
# At most this many amounts of one currency or dimension in a document for a slip pattern
# to tell: among n figures, n(n-1)/2 pairs; at 12 that is 66, and a transposition or a
# factor of ten between two unrelated three-digit figures is rare enough.
CROWDED = 12


# The dimensions a made thing keeps whoever reports it: a ship's length, a satellite's
# mass. Counts, amounts and rates change with the act and the day; these do not.
_DIMENSION_NAME = {"[length]": "length", "[mass]": "mass"}
_SIZE_OF = {"modifies", "dimension", "copula"}


def _sole_sizes(ctx: RuleContext) -> set[tuple[str, int]]:
    """Sizes that are the only one of their dimension that their story gives any made
    thing: "the 330-metre container ship" in the coastguard's statement and "the vessel,
    which is 290 metres long" in the story are one ship's length told twice, when neither
    document gives another made thing a length. Only across documents of one check: within one story, a
    second size of a thing is as often a second thing."""
    per: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in ctx.of_kind("measure"):
        if c.unit in _DIMENSION_NAME and _size_of_made_thing(c):
            per[(c.document, c.unit)].append(c)
    return {(cs[0].document, cs[0].start) for cs in per.values() if len(cs) == 1}


def _size_of_made_thing(c: Claim) -> bool:
    """A dimension stated of one made thing, as a level: "the 12-mile tunnel", "the
    vessel, which is 290 metres long", "weighing 950 kg"; not "ran aground six miles off
    Helgoland", a distance from a place, nor "each", "two machines", a plural or an owner's."""
    from .. import lexical

    if not c.subject or " " in c.subject or c.qualifiers & {"change", "rate", "unasserted", "listed", "range"}:
        return False
    if c.get("each") or c.get("plural") or c.get("holder"):
        return False
    how = c.get("how", "").split("+")[0]
    if how not in _SIZE_OF and not (how == "clause-subject" and c.get("predicate") in MEASURING):
        return False
    # ("vessel": a ship in its second sense, a blood vessel in its first)
    return "artifact" in lexical.noun_domains(c.subject, senses=2)


def _crowding(claims: Iterable[Claim]) -> Counter[tuple[str, str, str]]:
    """How many of these amounts and measures each document holds per unit: a slip
    pattern tells only among few of them (CROWDED)."""
    return Counter((c.kind, c.unit, c.document) for c in claims)


def _restates(b: Claim, a: Claim, members: list[Claim]) -> bool:
    """Whether b, a figure inside a definite noun phrase ("the €58m deal", "the 3.2-tonne
    haul"), presents itself as a figure the story gave before, and a is the one it points
    back to: the story gives none of b's value before it, and a is its story's nearest
    amount of b's unit before it."""
    if b.get("how", "").split("+")[0] not in ("modifies", "nummod") or not b.get("definite") or a.document != b.document:
        return False
    if b.get("each"):
        return False  # "all 100 of its 12 megawatt turbines": each one's measure, no total restated
    assert b.value is not None
    before = [c for c in members if c.document == b.document and c.start < b.start and c.sentence != b.sentence]
    if any(c.value is not None and c.value.overlaps(b.value) for c in before):
        return False  # it names the earlier figure of its value
    return bool(before) and before[-1] is a


def _slipped(ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    # Counts of differently named things and percentages (few digits, bounded) collide by
    # chance too often; amounts and measures carry enough digits to be telling.
    for c in ctx.of_kind("measure", "money"):
        if c.value is not None and not (c.qualifiers & _NOT_A_LEVEL):
            groups[(c.kind, c.unit)].append(c)
    reported: set[tuple[str, int]] = set()
    crowd = _crowding(c for cs in groups.values() for c in cs)  # the levels a slip could restate
    for key in sorted(groups):
        # A slip pattern is evidence only among few figures: a results story with thirty
        # amounts in dollars has 435 pairs, and some of them are transposed by chance.
        members = [c for c in groups[key] if crowd[(*key, c.document)] <= CROWDED][:MAX_GROUP]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a.document, a.sentence) == (b.document, b.sentence) or (b.document, b.start) in reported:
                    continue
                if same_thing(a, b) is not None:
                    continue  # QTY001 decides figures that name one thing ("the crop", "the harvest")
                renamed = bool(a.subject and b.subject and related_kind(a.subject, b.subject) is None)
                ha, hb = a.get("holder", ""), b.get("holder", "")
                if ha and hb and ha != hb:
                    continue
                if (a.qualifiers | b.qualifiers) & _NOT_A_LEVEL or a.value is None or b.value is None:
                    continue
                if a.place and b.place and a.place != b.place:
                    continue
                if a.time and b.time and a.time != b.time:
                    continue  # "215 mln dlrs in 1988" and "125 mln dlrs in 1989": two years' figures
                if a.value.overlaps(b.value):
                    continue
                cause = likely_cause(a, b)
                if cause is None or cause == "one digit differs" or not distinctive(a, b):
                    continue  # one changed digit is as often a second figure as a slip
                digits = min(len(_digits(a.get("value", 0.0))), len(_digits(b.get("value", 0.0))))
                if digits < 3 and (renamed or cause.startswith("off by")) and not cause.startswith("same number") \
                        and not _restates(b, a, members):
                    # two named things at round values ("£64m" and "£640m") are two figures;
                    # one number in two units of one dimension ("31,000 km", "31,000 miles")
                    # is a slip whatever the nouns
                    continue
                reported.add((b.document, b.start))
                yield Finding(
                    claims=(a, b),
                    message=(
                        f"'{a.text}' ({shown(a, b)}) and '{b.text}' ({shown(b, a)}) look like one figure "
                        f"written two ways ({cause}); check which is right"
                    ),
                    evidence={"values": [a.normalized, b.normalized], "cause": cause, "subjects": [a.subject, b.subject]},
                )


SLIPPED = Rule(
    code="QTY002",
    name="slipped-figure",
    family="quantity",
    severity=Severity.WARNING,
    summary="Two amounts or measures differ by a typical slip (scale word, unit, swapped digits).",
    doc=(
        "What it flags: two amounts of money or measures in the same currency or dimension whose "
        "values differ exactly as a slip would make them differ: the same digits with a factor of ten "
        "('£12.4m' and '£1.24m'), the same number with another unit ('4.28 million square kilometres' "
        "and '4.28 million square miles'), or two swapped digits ('€1.84 billion' and '€1.48 billion'), "
        "each with at least two significant digits, even when the copy names the two figures differently.\n"
        "Why: editors restate a figure with a different noun ('the fine', 'the penalty'); the slip "
        "pattern is itself the evidence that the two are one figure.\n"
        "Not flagged: figures that share their noun (QTY001 decides those), figures in one sentence, "
        "bounds, ranges, changes, different places or times, round numbers ('$2m' and '$20m') unless "
        "the later one sits in a definite noun phrase ('the £5.8m redevelopment') and so restates the "
        "story's nearest amount before it, one changed digit (as often a second figure as a slip), "
        "counts and percentages.\n"
        "Example: 'sold at auction for £12.4m' ... 'The £1.24m sale capped a week of records.'"
    ),
    needs=("measure", "money"),
    flags=(
        Example("The painting fetched £12.4m at auction in London on Tuesday. The £1.24m sale capped a week of records."),
        Example("Sea ice covered 4.28 million square kilometres. At 4.28 million square miles, the cover was small."),
        # a figure inside a definite noun phrase restates the story's nearest amount before it
        Example("The club unveiled an £8.5 million project to replace the old stand.\n\nSupporters were "
                "consulted.\n\nWork starts in May.\n\nThe chairman said the £5.8m redevelopment would be paid "
                "for from reserves."),
    ),
    passes=(
        Example("The club paid £12m for the striker. It also paid £15m for a defender."),
        Example("The painting sold for £12.4m. A second work fetched £3.1m."),
        # a definite figure restates the nearest amount only: here that is the grant
        Example("The club unveiled an £8.5 million project to replace the old stand. It won a £3m grant. The "
                "chairman said the £5.8m redevelopment would be paid for from reserves."),
        Example("Fourth quarter profit increased to 49.1 mln dlrs from 16.1 mln dlrs in the prior year. Earnings from overseas operations rose to 18.6 mln dlrs from a loss of 11.6 mln dlrs in the prior year."),
        # a year written right after a figure dates it, even where the parse names no clause
        Example("Capital spending is expected to rise to 215 mln dlrs in 1988 and 220 mln dlrs in 1989. The venture "
                "will spend 65 mln dlrs this year, 105 mln dlrs next year and 125 mln dlrs in 1989 on new lines."),
    ),
    check=_slipped,
)

RULES = (MISMATCH, SLIPPED)
