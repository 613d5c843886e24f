"""State, change and negation claims (checker/extract/predications.py, read from the
parse) and their rules (checker/rules/state.py): what a clause says about what, whether
it asserts it, and the findings' properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import checker
from checker.model import DISPUTED, INCONSISTENT, Severity

FAMILIES = {"state-change", "antonym-state", "negation"}


def claims(text, kind):
    return [c for c in checker.check(text).claims if c.kind == kind]


def findings(docs):
    return [c for c in checker.check(docs).conflicts if c.family in FAMILIES]


# --- what a clause is about ------------------------------------------------------------

CLAUSES = [
    # text, kind, what the claim must say
    ("The offensive has not affected the fighting in this sector.", "state-change", {"direction": "same", "topic": "fighting"}),
    ("Rents were unchanged in March.", "state-change", {"direction": "same", "topic": "rent", "times": ("march",)}),
    ("Rents rose 2% in March.", "state-change", {"direction": "up", "topic": "rent"}),
    # a noun compounded before the change noun is what changed
    ("The company announced a fare increase of 4% in April.", "state-change", {"direction": "up", "topic": "fare"}),
    ("The air force has increased its strikes.", "state-change", {"direction": "up", "topic": "strike"}),
    ("Shops blamed prices for the first-half fall in vinyl sales.", "state-change", {"direction": "down", "topic": "vinyl sale"}),
    ("The brigade did not cross the river.", "predicate", {"negated": True, "lemma": "cross", "object": "river"}),
    ("The brigade has never crossed the river.", "predicate", {"negated": True, "lemma": "cross", "at_no_time": True}),
    ("The brigade did not cross the river.", "predicate", {"negated": True, "at_no_time": False}),
    # a place named by its kind and its name is the name
    ("Government forces entered the town of Kessa on Sunday.", "predicate", {"lemma": "enter", "object": "kessa"}),
    ("The mayor of Kessa met the envoy.", "predicate", {"lemma": "meet", "subject": "mayor"}),
    # a title the parser made the head, with the name beside it: the person is the name
    ("Bakary said on Monday he had never met Colonel Abdou Sanogo, commander of the armed group.", "predicate",
     {"lemma": "meet", "object": "abdou sanogo"}),
    ("The bridge remains closed.", "state", {"state": "closed", "when": ("now", "")}),
    ("The bridge reopened on Friday.", "state", {"when": ("since", "friday")}),
    ("The suspect is in custody.", "state", {"state": "in custody"}),
    # a keeping verb: its object is what stayed, its subject who kept it there
    ("The central bank kept its reference rate unchanged.", "state-change",
     {"direction": "same", "topic": "reference rate", "agent": "central bank"}),
    ("The central bank held its reference rate at 5.75%.", "state-change",
     {"direction": "same", "topic": "reference rate", "agent": "central bank"}),
    # a topic whose own phrase names its owner carries it
    ("Qatar's output rose in May.", "state-change", {"direction": "up", "holder": "qatar"}),
    ("The fine on a second company, Granite Holdings, was left unchanged.", "state-change",
     {"direction": "same", "holder": "granite holdings"}),
    # "refused to" denies the act, as of the refusal
    ("Varga has refused to concede.", "predicate", {"lemma": "concede", "negated": True, "tense": "perfect"}),
    # an event told as a noun with its participants is an act, or the state it leaves
    ("After Varga's concession on Sunday, supporters left.", "predicate",
     {"lemma": "concede", "subject": "varga", "nominal": True}),
    ("Airlines blamed Tuesday's closure of the runway for delays.", "state",
     {"state": "closed", "when": ("on", "tuesday")}),
    # a name is keyed in the order it is written, and a name ending in a number keeps it
    ("Amos Mwangi did not appeal.", "predicate", {"subject": "amos mwangi"}),
    ("Miners led Thursday's 1.8% drop in the FTSE 100.", "state-change", {"direction": "down", "topic": "ftse 100"}),
    # an adjective with a subject of its own is a predicate: "the causeway, open to the
    # public on Monday" (and a day hung on whom it is open to is its day)
    ("Crowds built up, and the causeway, open to the public all day on Monday, was packed.", "state",
     {"state": "open", "when": ("on", "monday")}),
    ("The causeway remained closed to the public on Monday.", "state", {"state": "closed", "when": ("on", "monday")}),
    # an adjective after "were" is a predicate, however the parser labels "were"
    ("Rents in Leeds were unchanged last year.", "state-change", {"direction": "same", "topic": "rent"}),
    # "little changed" is a market's word for flat, and allows a small move
    ("The FTSE 100 ended little changed on Thursday.", "state-change",
     {"direction": "same", "topic": "ftse 100", "approximate": True}),
    # a done act whose verb has an opposite leaves its thing in a state
    ("The tanker was detained off Piraeus on Monday.", "state", {"state": "detained", "lemma": "detain"}),
    # and an act on a thing leaves the thing, not the one who acted, in it
    ("The trust lifted its visiting ban on Sunday.", "state", {"state": "lifted", "acted_on": True, "scope": ()}),
    # a change that has begun is under way, not planned
    ("Water levels had begun to fall on Monday.", "state-change", {"direction": "down", "unasserted_form": False}),
    # a noun of change is any noun WordNet derives from a verb of change as an act or event
    ("Millers said this week's climb in wheat prices had squeezed their margins.", "state-change",
     {"direction": "up", "topic": "wheat price", "times": ("this week",), "as_noun": True}),
    # a period counted back from the story ("five years ago"); whom a state holds for
    ("Arkwright was freed by the Court of Appeal five years ago.", "state", {"times": ("5 years ago",)}),
    ("The bridge remains closed to all traffic.", "state", {"state": "closed", "scope": ("to traffic",)}),
    # a flow narrowed by where it goes
    ("Exports to other European Union countries were unchanged in June.", "state-change",
     {"direction": "same", "topic": "export", "scope": ("to other union country",)}),
    # "failed to", "has yet to" and "without" deny the act they govern, and are asserted
    ("Union negotiators failed to reach a deal on Monday.", "predicate",
     {"lemma": "reach", "negated": True, "tense": "past", "unasserted_form": False}),
    ("The regulator has yet to approve the drug.", "predicate",
     {"lemma": "approve", "negated": True, "tense": "perfect", "subject": "regulator"}),
    ("The council closed the schools without consulting parents.", "predicate",
     {"lemma": "consult", "negated": True, "subject": "council", "object": "parent"}),
    # the act of a clause on a passive verb is its agent's, not its subject's
    ("The decision was taken after consulting parents.", "predicate", {"lemma": "consult", "subject": ""}),
    # a verb of change the parser left with its subject as a compound on it
    ("The company's workforce shrank by about 200 people.", "state-change", {"direction": "down", "topic": "workforce"}),
    # a stability word completing a verb with no object of its own
    ("The index closed flat on Tuesday.", "state-change", {"direction": "same", "topic": "index"}),
    # a change noun dated by its possessor restates the change of that day just before it
    ("The central bank left its main interest rate unchanged on Wednesday. Analysts said Wednesday's cut had "
     "been expected.",
     "state-change", {"lemma": "cut", "direction": "down", "topic": "main interest rate", "anaphoric": True}),
]


NOT_EVENTS = [
    # the noun is an opinion, not an act of viewing
    "Martin pointed to DEC to support his view.",
    # planned, not done
    "The planned closure of the plant was announced in May.",
    # a source, not an act
    "The minister's campaign said she would stand again.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_nouns_that_report_no_act(text):
    assert not [c for c in checker.check(text).claims if c.get("nominal") or (c.kind == "state" and c.get("lemma") == "close")]


DESCRIBED = [
    # a description compounded before the name, a kind of it after
    ("Kenyan sprinter Amos Mwangi was banned. The athlete did not appeal.", "amos mwangi"),
    ("Defence Minister Joe Okafor spoke. The minister did not attend.", "joe okafor"),
    # set beside the name
    ("Dunfermline, the Championship club, was fined. The club did not appeal.", "dunfermline"),
    # a description's own narrowing words may come with it; other ones make someone else
    ("Helen Harlow, a former investment director, was charged. The former investment director did not "
     "appeal.", "helen harlow"),
    ("Helen Harlow, an investment director, was charged. The deputy investment director did not appeal.",
     "deputy investment director"),
    ("Okafor, the minister, spoke. The minister did not attend.", "okafor"),
    # two people so described: "the minister" stays as it is
    ("Minister Joe Okafor met Minister Ann Lee. The minister did not attend.", "minister"),
]


@pytest.mark.parametrize("text,subject", DESCRIBED)
def test_a_definite_description_stands_for_the_one_name_it_describes(text: str, subject: str) -> None:
    denied = [c for c in claims(text, "predicate") if c.get("negated")]
    assert denied and denied[0].get("subject") == subject


@pytest.mark.parametrize("text,subject", [
    ("The council reopened the bridge on Friday.", "bridge"),
    ("Police released the man on Friday.", "man"),
])
def test_an_act_puts_its_object_in_the_state(text: str, subject: str) -> None:
    assert [c.subject for c in claims(text, "state")] == [subject]


@pytest.mark.parametrize("text,subject", [
    ("Skellig Air has grounded its six turboprops.", "turboprop"),  # a count with an owner is a known set
    ("The mine was operating normally on Tuesday.", "mine"),
    ("The plant is still running, the company said.", "plant"),
])
def test_in_operation_or_out_of_it(text: str, subject: str) -> None:
    assert [c.subject for c in claims(text, "state")] == [subject]


@pytest.mark.parametrize("text", [
    "The firm is running out of cash.",  # a phrasal verb
    "Smith ran for office in 2010.",  # for what, not a state
    "The council opened its inquiry into the crash.",  # an act that goes somewhere
    "Police fired 40 workers.",  # a count with no owner names no known set
])
def test_verbs_of_state_that_go_somewhere_name_no_state(text: str) -> None:
    assert not [c for c in claims(text, "state") if c.get("pole")]


@pytest.mark.parametrize("a,b,same", [
    ("milk output", "milk production", True),  # synonym heads (output is a kind of production)
    ("czech industrial output", "industrial production", True),  # fewer modifiers
    ("oil price", "oil cost", True),
    ("oil export", "oil shipment", False),
    ("defence spending", "defence budget", False),
    ("output", "production", False),  # a bare noun is its own story (WordNet synonyms only)
])
def test_one_topic_named_with_another_head(a: str, b: str, same: bool) -> None:
    from checker.rules.state import same_topic

    assert same_topic(a, b) is same and same_topic(b, a) is same


@pytest.mark.parametrize("text", [
    "The swing bridge opens about 1,500 times a year.",
    "Engineers tested it, swinging the bridge open and shut 12 times without a fault.",
    "The move is an attempt to force Japan to open its domestic market.",
])
def test_habits_and_aims_are_no_asserted_state(text: str) -> None:
    from checker.rules.state import _asserted

    assert not [c for c in claims(text, "state") if _asserted(c)]


@pytest.mark.parametrize("text,kind,expected", CLAUSES)
def test_clauses(text, kind, expected):
    got = [c for c in claims(text, kind) if "lemma" not in expected or c.get("lemma") == expected["lemma"]]
    assert got, f"no {kind} claim in {text!r}"
    data = dict(got[0].data)
    for key, value in expected.items():
        assert data[key] == value, (key, data[key])


@pytest.mark.parametrize("second,subject", [
    # a story's first sentence about "a former director", named in the next one with an age
    ("Helen Harlow, 54, who oversaw investments, must surrender her passport.", "helen harlow"),
    # without the age or the clause that introduces a person, the next name is anyone's
    ("Judge Martin Ecclestone set the bail conditions.", "former investment director"),
])
def test_the_person_of_a_lede_is_the_one_the_story_names_next(second: str, subject: str) -> None:
    text = f"A former investment director of a pension fund was released on bail on Thursday. {second}"
    assert [c.subject for c in claims(text, "state") if c.get("state") == "released"] == [subject]


def test_a_headline_above_the_lede_is_not_its_first_sentence() -> None:
    text = ("Ex-pension chief bailed in fraud case\n\nA former investment director of a pension fund was released "
            "on bail on Thursday.\n\nHelen Harlow, 54, who oversaw its investments, must surrender her passport.")
    assert [c.subject for c in claims(text, "state") if c.get("state") == "released"] == ["helen harlow"]


def test_share_of_a_whole_is_its_share_not_the_whole():
    """"Labour's share of the vote" is the vote share, which may fall while the vote rises."""
    assert [c.subject for c in claims("Labour's share of the vote was unchanged.", "state-change")] == ["vote share"]
    assert [c.subject for c in claims("Most of the buses were unaffected.", "state-change")] == ["bus"]
    text = ("Labour's share of the vote was unchanged from 2019. Final figures showed Labour's vote share "
            "rose by 1.6 percentage points from 2019.")
    assert [f.rule for f in findings(text)] == ["STA001"]


def test_a_finite_auxiliary_gives_the_clause_its_tense():
    assert [c.get("when") for c in claims("The port is closed to shipping.", "state")] == [("now", "")]
    assert [c.get("tense") for c in claims("The port was closed on Monday.", "state")] == ["past"]


def test_a_clause_without_subject_or_tense_shares_the_aim_it_hangs_on():
    text = "Halloran is expected to serve half of his sentence in custody before being released on licence."
    released = [c for c in claims(text, "state") if c.get("state") == "released"]
    assert released and released[0].get("modality") == "projection"


def test_she_after_a_named_object_is_that_person_not_the_noun_that_spoke():
    text = ('A court on Wednesday granted bail to Nino Kapanadze, a student organiser, her lawyer said. '
            '"She was released on bail this afternoon," lawyer Davit Abashidze told reporters.')
    assert [c.subject for c in claims(text, "state") if c.get("state") == "released"] == ["nino kapanadze"]


def test_did_not_rise_is_a_denial_not_a_change():
    assert not claims("Prices did not rise in March.", "state-change")


# --- what is not asserted --------------------------------------------------------------

UNASSERTED = [
    "Rents may rise in April.",
    "If the bridge does not reopen, traffic could fall.",
    "Prices would rise in April, the bank said.",
    "Economists expected prices to rise in April.",
]


@pytest.mark.parametrize("text", UNASSERTED)
def test_conditions_modals_questions_and_expectations_assert_nothing(text):
    got = [c for c in checker.check(text).claims if c.kind in ("state-change", "state", "predicate")]
    assert got and all("unasserted" in c.qualifiers for c in got if c.get("lemma") in ("rise", "reopen", "fall", "open"))


def test_hedged_change_is_not_set_against_stability():
    assert not findings("Rents in Leeds were flat in March. Rents in Leeds may rise in March.")


@given(st.sampled_from(["cannot", "did not", "will not", "could not"]))
def test_identical_texts_with_a_negation_do_not_conflict(neg):
    """A regression: "cannot X" also produced an asserted "X", so two identical texts
    containing "cannot" conflicted with each other."""
    text = f"The crew {neg} refuel the aircraft at the base."
    assert not findings([{"id": "a", "text": text}, {"id": "b", "text": text}])


def test_a_condition_added_to_a_denial_removes_the_conflict():
    assert findings("The brigade crossed the river on Sunday. The brigade did not cross the river on Sunday.")
    assert not findings("The brigade crossed the river on Sunday. If the brigade did not cross the river on Sunday, "
                        "the bridge would hold.")


# --- the seed and the families ------------------------------------------------------


def test_seed_sentence_is_a_warning_across_although():
    text = (
        "The spokesperson of the Ukrainian brigade in Toretsk noted that the movement of Russian troops "
        "has not affected the fighting in this sector, although the Russian air force has increased its strikes."
    )
    got = findings(text)
    assert len(got) == 1
    f = got[0]
    assert f.rule == "STA001" and f.severity == Severity.WARNING and f.status == INCONSISTENT
    quotes = [c.text for c in f.claims]
    assert "has not affected the fighting" in quotes and "has increased its strikes" in quotes


def test_other_topics_set_side_by_side_are_no_conflict():
    assert not findings("Food prices were unchanged, while energy costs fell.")


def test_different_regions_are_not_a_conflict():
    assert not findings("The front was calm in the north, while strikes on the south increased on Monday.")


def test_wordnet_antonyms_and_the_event_that_ends_a_state():
    assert [f.rule for f in findings("The bridge remains closed. The bridge reopened on Friday.")] == ["STA003"]
    assert [f.rule for f in findings("The miner remains alive. The miner is dead.")] == ["STA003"]


def test_a_market_opening_and_closing_at_a_price_are_prices_not_states():
    text = "The stock, priced at $28 a share, opened at $36. The shares have since eased, closing at $36."
    assert not [f for f in findings(text) if f.rule.startswith("STA")]
    # the same verbs of a thing, with no price, are its states
    assert [f.rule for f in findings("The market hall opened on Monday. The market hall is closed.")] == ["STA003"]


def test_a_description_set_beside_a_name_acts_as_the_named_person():
    text = ("A court granted bail to Nino Kapanadze, a student organiser arrested during protests, her lawyer "
            "said.\n\n\"She was released on bail this afternoon,\" the lawyer told reporters.")
    assert [c.subject for c in claims(text, "state") if c.get("state") == "released"] == ["nino kapanadze"]


def test_a_named_person_is_one_wherever_the_copy_places_them():
    # released outside the court in one story, in detention at a prison in another, the
    # same afternoon: one person, two places, opposite states
    docs = [
        {"id": "wire", "published": "2024-05-22", "text": "Nino Kapanadze was released on bail this afternoon outside "
                                                            "Tbilisi City Court, her lawyer said."},
        {"id": "staff", "published": "2024-05-22", "text": "Prosecutors said Nino Kapanadze remains in detention at "
                                                             "the Gldani facility."},
    ]
    assert [f.rule for f in findings(docs)] == ["STA003"]
    # a thing named by common nouns is another of its kind elsewhere
    assert not findings("The main road at Kessa remains closed. The main road at Dabo was reopened this afternoon.")


def test_phrases_wordnet_lacks():
    assert [f.rule for f in findings("The suspect is in custody. The suspect was freed on bail on Tuesday.")] == ["STA003"]


def test_antonym_with_since():
    text = "The port remained open on Wednesday. The port, closed since Monday because of drone alerts, will reopen soon."
    got = findings({"id": "a", "text": text, "published": "2024-10-10"})
    assert [f.rule for f in got] == ["STA003"]


def test_one_noun_narrowed_two_ways_is_two_things():
    text = ("The embargo on government forces was lifted on Tuesday. The embargo on armed groups remains "
            "in force.")
    assert not findings({"id": "a", "text": text, "published": "2024-10-10"})
    text = "The embargo on government forces was lifted on Tuesday. The embargo remains in force."
    assert [f.rule for f in findings({"id": "a", "text": text, "published": "2024-10-10"})] == ["STA003"]


def test_now_in_an_earlier_story_is_before_a_later_reopening():
    """Monday's "remains closed" and Thursday's "reopened on Wednesday" are the unit's
    story, not a slip; the same two sentences of one day conflict."""
    monday = {"id": "mon", "text": "The maternity unit remains closed after a flood.", "published": "2024-04-08"}
    thursday = {"id": "thu", "text": "The maternity unit reopened on Wednesday.", "published": "2024-04-11"}
    assert not findings([monday, thursday])
    same_day = {**thursday, "published": "2024-04-08", "text": "The maternity unit reopened on Sunday."}
    assert [f.rule for f in findings([monday, same_day])] == ["STA003"]
    # two stories' "now" are one day only when the stories are
    later = {"id": "later", "text": "The maternity unit remains open.", "published": "2024-04-12"}
    assert not findings([monday, later])
    assert [f.rule for f in findings([monday, {**later, "published": "2024-04-08"}])] == ["STA003"]


def test_state_after_a_later_reopening_is_no_conflict():
    assert not findings("The bridge was closed on Monday. The bridge reopened on Tuesday after repairs.")


def test_an_adjective_before_its_noun_classifies_it():
    """"the upper dam" and "the lower dam" are two dams, not one dam in two states."""
    assert not findings("The upper dam held. Engineers inspected the lower dam.")


# --- properties ---------------------------------------------------------------------

PAIRS = [
    ("Rents in Leeds were flat in March.", "Landlords blamed March's 1.2% increase in rents on taxes."),
    ("The brigade did not cross the river, officers said.", "The brigade crossed the river, officers said."),
    ("The bridge remains closed.", "The bridge reopened on Friday."),
]
FILLER = [
    "The weather in the capital was mild.",
    "Officials met in a school hall.",
    "A bakery on the square sold bread.",
    "The mayor thanked volunteers for their work.",
]


def _keyed(conflicts):
    return sorted((c.rule, c.status, tuple(x.text for x in c.claims)) for c in conflicts if c.family in FAMILIES)


@given(st.sampled_from(PAIRS), st.lists(st.sampled_from(FILLER), max_size=4))
def test_unrelated_sentences_between_change_nothing(pair, filler):
    a, b = pair
    plain = checker.check(f"{a} {b}").conflicts
    padded = checker.check(" ".join([a, *filler, b])).conflicts
    assert _keyed(plain) == _keyed(padded)
    assert _keyed(plain)


SOURCES = ["police said", "the mayor said", "the union said", "the company said"]


@given(st.sampled_from(SOURCES), st.sampled_from(SOURCES))
def test_quoting_another_source_turns_inconsistent_into_disputed(s1, s2):
    same = checker.check(f"Rents in Leeds were flat in March, {s1}. Rents in Leeds rose 2% in March, {s1}.").conflicts
    got = [c for c in same if c.family in FAMILIES]
    assert got and all(c.status == INCONSISTENT for c in got)
    other = checker.check(f"Rents in Leeds were flat in March, {s1}. Rents in Leeds rose 2% in March, {s2}.").conflicts
    got = [c for c in other if c.family in FAMILIES]
    assert got
    if s1 != s2:
        assert all(c.status == DISPUTED and c.severity == Severity.INFO for c in got)


CLAIMS = [
    ("The brigade crossed the river on Sunday.", "The brigade did not cross the river on Sunday."),
    ("Halberg raised its fixed mortgage rates in June.", "Halberg did not raise its fixed mortgage rates in June."),
    ("The team inspected the dome of unit 6 on Monday.", "The team did not inspect the dome of unit 6 on Monday."),
]


@given(st.sampled_from(CLAIMS), st.booleans(), st.lists(st.sampled_from(FILLER), max_size=2))
def test_negating_the_main_verb_in_a_copy_creates_a_conflict(pair, denied_first, filler):
    plain, denied = pair
    assert not findings(f"{plain} {plain}")
    first, second = (denied, plain) if denied_first else (plain, denied)
    got = findings(" ".join([first, *filler, second]))
    assert [f.rule for f in got] == ["NEG001"]


NAMES = ["Halberg", "Norrland Bank", "Kestrel", "Vossberg"]


@given(st.sampled_from(NAMES))
def test_renaming_the_subject_consistently_changes_nothing(name):
    base = "Halberg did not raise its fixed mortgage rates in June. Halberg raised its fixed mortgage rates in June."
    renamed = base.replace("Halberg", name)
    assert [f.rule for f in findings(base)] == [f.rule for f in findings(renamed)]


def test_a_person_stepping_down_moves_no_level():
    """"Stepped down" is a resignation, not a fall: a verb of travel with "down" moves a
    level only when its subject is no person."""
    from collections import Counter

    from checker import default_engine
    from checker.engine import to_document

    claims = default_engine().extract(to_document({"id": "a", "text": "The finance minister stepped down in "
                                                                     "August. Output edged down in July."}), Counter())
    assert [(c.subject, c.get("direction")) for c in claims if c.kind == "state-change"] == [("output", "down")]


@pytest.mark.parametrize("text,subject", [
    # a broader word for the one thing named before stands for it
    ("The tanker left Piraeus on Monday. The vessel was detained on Tuesday.", "tanker"),
    # two things it could stand for: it stands for neither
    ("The tanker left Piraeus and the ferry docked. The vessel was detained on Tuesday.", "vessel"),
])
def test_a_broader_word_takes_up_the_one_thing_named_before(text: str, subject: str) -> None:
    got = claims(text, "state")
    assert got and got[-1].subject == subject


@pytest.mark.parametrize("text,published,times", [
    # a period said relative to the story's date is said as the calendar does
    ("The increase in onion prices last month came as traders held back stock.", "2025-06-03", ("may",)),
    ("Rents were unchanged yesterday.", "2025-06-03", ("monday",)),
    ("Rents were flat last year, the agency said.", "2025-06-03", ("2024",)),
    # undated, it stays as written
    ("Rents were flat last year, the agency said.", None, ("last year",)),
])
def test_relative_periods_are_placed_on_the_story_calendar(text: str, published: str | None, times: tuple[str, ...]) -> None:
    doc = {"id": "a", "text": text, **({"published": published} if published else {})}
    got = [c for c in checker.check([doc]).claims if c.kind == "state-change"]
    assert got and got[0].get("times") == times


def test_weekdays_of_a_state_are_dated_in_a_dated_story() -> None:
    """"Released on Sunday" in a Tuesday story was two days before "held on Monday"."""
    doc = {"id": "a", "published": "2025-03-11",
           "text": "The tanker was still being held off Piraeus on Monday, the coastguard said. "
                   "The vessel was released on Sunday, its manager said."}
    found = findings([doc])
    assert [f.rule for f in found] == ["STA003"]
    released = [c for c in checker.check([doc]).claims if c.kind == "state" and c.get("lemma") == "release"]
    assert released[0].get("day_dates") == (("sunday", "2025-03-09"),)


@pytest.mark.parametrize("text,baselines", [
    ("Imports were unchanged from April, the office said.", ("april",)),
    ("Consumer prices were unchanged in March compared with February.", ("february",)),
    ("The extent was essentially unchanged from last year's.", ("2023",)),
    ("Turnout dropped in Cork compared with five years ago.", ("2019",)),
])
def test_what_a_change_is_measured_against(text: str, baselines: tuple[str, ...]) -> None:
    got = [c for c in checker.check([{"id": "a", "text": text, "published": "2024-06-03"}]).claims
           if c.kind == "state-change"]
    assert got and got[0].get("baselines") == baselines


def test_a_plural_noun_opening_a_sentence_is_no_name() -> None:
    got = claims("Imports climbed in May as companies restocked.", "state-change")
    assert got and got[0].subject == "import"


def test_a_draft_is_compared_with_the_wire_however_long_both_are() -> None:
    """Claims sorted by document once left pairs across two documents to a window of
    sixty claims: a long wire story never met its draft."""
    filler = " ".join(f"Officials inspected pier {n} on Monday." for n in range(80))
    docs = [
        {"id": "wire", "text": filler + " None of the 23 crew members was hurt when officers boarded the tanker."},
        {"id": "draft", "text": "One crew member, who was injured when a ladder gave way, was taken to hospital. " + filler},
    ]
    assert [f.rule for f in findings(docs)] == ["NEG001"]


def test_a_clause_set_off_after_a_place_is_about_what_is_there() -> None:
    got = claims("Schools in the capital, which reopened on Monday, were told to add stations.", "state")
    assert got and got[0].subject == "school"
    # a thing, not a place, after "in": the clause may be about it
    got = claims("Shares in the bank, which reopened on Monday, fell.", "state")
    assert got and got[0].subject == "bank"


@pytest.mark.parametrize("text,when", [
    ("Ward 7 has not closed at any point.", ("ever", "")),
    ("The bridge has never closed.", ("ever", "")),
    ("The bridge has not closed.", ("now", "")),
    # a done act denied in the perfect has not happened yet
    ("The man has not been charged, a police spokesperson said.", ("ever", "")),
])
def test_a_denial_at_no_time_covers_every_time(text: str, when: tuple[str, str]) -> None:
    got = claims(text, "state")
    assert got and got[0].get("when") == when


def test_a_name_ending_in_a_number_keys_whole_however_parsed() -> None:
    got = claims("Ward 7 at St Mary's was closed last week. Ward 7 has not closed at any point.", "state")
    assert [c.subject for c in got] == ["ward 7", "ward 7"]


def test_a_denial_up_to_now_is_that_story_s_now() -> None:
    denied = {"id": "friday", "text": "The man has not been charged, police said.", "published": "2024-05-10"}
    charged = {"id": "monday", "text": "The man was charged on Monday, police said.", "published": "2024-05-13"}
    assert not findings([denied, charged])
    charged["text"] = "The man was charged on Thursday, police said."
    charged["published"] = "2024-05-10"
    assert findings([denied, charged])


def test_a_state_changed_weeks_before_the_story_still_tells_its_now():
    """"was lifted on 3 August" in a mid-August story is the latest the copy says of the
    ban; a change of another season is not, and may have been undone since."""
    text = "The abstraction ban on the river is in effect, the agency said. The ban was lifted on 3 August."
    assert [f.rule for f in findings({"id": "a", "text": text, "published": "2024-08-14"})] == ["STA003"]
    assert not findings({"id": "a", "text": text, "published": "2024-12-14"})
    text = "The embargo on beef exports is in effect. The embargo was lifted last month."
    assert [f.rule for f in findings({"id": "a", "text": text, "published": "2025-02-18"})] == ["STA003"]


def test_a_state_in_the_present_perfect_holds_now():
    text = ("The maternity unit is open, the health board said. The unit has been closed to new admissions since "
            "mid-November, midwives said.")
    assert [f.rule for f in findings({"id": "a", "text": text, "published": "2024-12-05"})] == ["STA003"]
    # however long ago it began
    (state,) = [c for c in claims("The unit has been closed since 1990.", "state")]
    assert state.get("when")[0] == "since"


def test_a_participle_after_remains_is_its_state_however_the_parser_hung_it():
    (state,) = claims("The tanker Nordic Aurora remains detained in the port of Gdansk, the maritime office said "
                      "on Monday.", "state")
    assert (state.get("state"), state.get("when")) == ("detained", ("now", ""))
    assert "aurora" in state.subject


def test_a_clause_before_a_coordinated_speech_verb_is_the_reporters():
    """What "but the federation says" carries is its own clause, not the one before it."""
    text = "The embargo was lifted last month, but the federation says orders have been slow to return."
    lifted = next(c for c in checker.check(text).claims if c.kind == "state")
    assert lifted.source is None
    slow = [c for c in checker.check("Police said the gates were locked, but organisers said they were open.").claims
            if c.kind == "state"]
    assert {c.source for c in slow} == {"police", "organisers"}


def test_a_place_leading_a_topic_is_where_not_which():
    """"Dublin rents" in a story that says "rents in Dublin" are those rents: a place does
    not make a narrower topic that another mention lacks."""
    text = ("Average rents rose 2.1% nationally, the board said. Landlords said rents in Dublin had been stable. "
            "Threshold said Dublin rents had risen.")
    (change,) = [c for c in claims(text, "state-change") if c.text == "had risen"]
    assert change.subject == "rent" and "dublin" in change.get("places")
    assert [f.rule for f in findings(text)] == ["STA001"]
    # another place is another topic's place
    assert not findings("Average rents rose 2.1% nationally. Rents in Dublin had been stable. Cork rents had risen.")


def test_a_comparative_completing_a_verb_is_where_the_level_went():
    (change,) = claims("The JSE all-share index closed 0.8% higher on Thursday.", "state-change")
    assert change.get("direction") == "up"
    # and the index is not a closed thing
    assert not claims("The JSE all-share index closed 0.8% higher on Thursday.", "state")


def test_what_a_verb_of_denial_carries_is_denied():
    """"denied that it was planning a strike" says it was not: no conflict with a later
    "had not been planning a strike", and a dispute with someone who says it was."""
    (plan,) = [c for c in claims("The RTU rail union denied on Monday that it was planning a strike over pay.",
                                 "predicate") if c.get("lemma") == "plan"]
    assert plan.get("negated")
    denial = {"id": "mon", "published": "2024-02-05",
              "text": "The RTU rail union denied on Monday that it was planning a strike over pay."}
    later = {"id": "thu", "published": "2024-02-15",
             "text": "General secretary Mick Dalton said the union had not been planning a strike at the time."}
    assert not findings([denial, later])


def test_a_noun_glued_to_a_conjunction_is_the_subject_of_the_clause_after_it():
    text = "Outside the capital, rents rose more slowly, by 4.5%, and prices were flat overall."
    flat = next(c for c in claims(text, "state-change") if c.text == "were flat")
    assert flat.subject == "price"
    assert not findings(text)


def test_a_dated_change_noun_restates_only_the_nearest_change_of_its_day() -> None:
    # "Wednesday's cut" is the hold of that Wednesday, told the other way
    got = findings("The central bank left its main interest rate unchanged on Wednesday. Analysts said Wednesday's cut "
                   "had been expected.")
    assert [f.rule for f in got] == ["STA001"] and got[0].severity == Severity.WARNING
    # the nearest dated change is another one: no restatement of the first
    assert findings("Wheat prices were unchanged this week. Maize prices fell last month, so this week's "
                    "rise has only partly reversed that decline, traders said.") == []
    # another January's change is no restatement of this January's
    assert findings("In January money growth slowed to 0.7 pct. Borrowing rose 0.2 pct, against a "
                    "previous January's 0.8 pct increase.") == []


@pytest.mark.parametrize("denial,assertion", [
    ("Union negotiators failed to reach a deal on Monday.", "Union negotiators reached a deal on Monday."),
    ("The regulator has yet to approve the drug for use in children.",
     "The regulator approved the drug for use in children last month."),
    ("The council closed the schools without consulting parents.",
     "The council closed the schools after consulting parents."),
])
def test_failing_to_not_yet_and_without_deny_the_act(denial: str, assertion: str) -> None:
    assert [f.rule for f in findings(f"{denial} {assertion}")] == ["NEG001"]


def test_without_under_an_aim_denies_nothing() -> None:
    assert findings("Economists believe the government will be able to go through with its plans without "
                    "increasing net borrowing. The chancellor said increased borrowing was acceptable.") == []



@pytest.mark.parametrize("text,topic", [
    # a unit joined to a number or a fraction before a change noun is the change's size
    ("The bank left its main rate unchanged on Wednesday. Wednesday's quarter-point cut lifted the zloty.",
     "main rate"),
    # a noun compounded before it is what changed
    ("Brent rose on Monday. The oil price fall hurt producers.", "oil price"),
    # the phrase after "in", however the parser hung its nouns
    ("Passengers face a 2.8% rise in regulated rail fares next year.", "regulated rail fare"),
])
def test_what_a_change_noun_changes(text, topic):
    nouns = [c for c in claims(text, "state-change") if c.get("as_noun")]
    assert [c.subject for c in nouns] == [topic]



@pytest.mark.parametrize("text", [
    # what is usually so is not what is so the day the story tells
    "The museum reopened to the public on Monday. The museum is normally closed on Mondays.",
    "The museum reopened to the public on Monday. It is closed on Mondays, its director said.",
    "The bridge reopened on Friday. The bridge usually closes at night for maintenance.",
])
def test_what_is_usually_so_is_no_state_at_a_time(text):
    assert findings([{"id": "t", "text": text, "published": "2025-03-11"}]) == []


def test_a_state_at_a_time_still_meets_its_opposite():
    text = "The museum reopened to the public on Monday. The museum is closed, its director said."
    assert [c.rule for c in findings([{"id": "t", "text": text, "published": "2025-03-11"}])] == ["STA003"]


def test_a_manner_adverb_after_its_verb_is_no_habit():
    # "normally" before the verb tells a habit; after it, how the thing is working now
    from checker.rules.state import _asserted

    assert [_asserted(c) for c in claims("The pipeline was operating normally on Tuesday.", "state")] == [True]
    assert [_asserted(c) for c in claims("The pipeline is normally operating at night.", "state")] == [False]


def test_nobody_denies_a_harm_to_people_of_any_kind():
    # "people" is a person however WordNet files its top word
    text = "No one was injured in the blast, police said. Three people were injured, police said later."
    assert [c.rule for c in findings([{"id": "t", "text": text}])] == ["NEG001"]


def test_a_place_pointed_at_is_not_a_place_named_elsewhere():
    text = ('In Valdera, 14 people were injured. "We were lucky. Nobody here was hurt," said '
            "Pontalba's mayor, Rosa Galli.")
    assert findings([{"id": "t", "text": text}]) == []


def _denial_flagged(text: str) -> bool:
    """Whether one story's text draws an asserted-and-denied finding."""
    return any(c.rule == "NEG001" for c in findings([{"id": "t", "text": text}]))


@pytest.mark.parametrize("text,flagged", [
    # a denial of a degree denies only that degree
    ("No one was seriously injured in the fire. Two people were injured, police said.", False),
    ("No one was seriously injured in the fire. Two people were seriously injured, police said.", True),
    # an assertion of a degree still asserts the act
    ("Nobody was hurt in the crash. Two passengers were slightly injured.", True),
])
def test_a_denial_of_a_degree(text: str, flagged: bool) -> None:
    assert _denial_flagged(text) is flagged


@pytest.mark.parametrize("text,flagged", [
    # the condition a person is treated for, taken in with or dies of is one they were put in
    ("Nobody was hurt in the storm. Three people were treated in hospital for injuries.", True),
    ("No one was injured, police said. One man died of his wounds on Sunday.", True),
    ("Nobody was hurt in the storm. Paramedics treated three people for injuries.", True),
    ("No one was seriously injured. Three people were treated for minor injuries.", False),
    # a charge or a feeling is no condition of the body
    ("No one was attacked, police said. Two men were charged with assault.", False),
    # where they were treated is not where they were hurt
    ("In Galway city nobody was hurt. Three people were treated at University Hospital Galway for injuries.", True),
    # a report of no event is a denial of it, on the day it names
    ("No arrests were reported on Monday. Police arrested two men on Monday.", True),
])
def test_a_condition_named_by_its_noun_is_the_act_that_caused_it(text: str, flagged: bool) -> None:
    assert _denial_flagged(text) is flagged


@pytest.mark.parametrize("text,flagged", [
    # a denial "since" a year covers a later year
    ("The bridge had not been inspected since 2019. The agency inspected the bridge in 2021.", True),
    ("The bridge had not been inspected since 2019. The agency inspected the bridge in 2018.", False),
    # a restrictive clause on a plural picks which members are meant, and denies nothing of one
    ("The minister said all 38 units that had not been renovated since 2015 would be inspected. The doctor "
     "said the unit had been renovated in 2018.", False),
])
def test_a_denial_since_a_year_and_one_that_picks_members(text: str, flagged: bool) -> None:
    assert _denial_flagged(text) is flagged
