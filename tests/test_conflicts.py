"""The issue's own examples and non-conflicts, end to end."""

import pytest

import checker


def rules_for(text, published=None):
    doc = {"id": "t", "text": text}
    if published:
        doc["published"] = published
    return [(c.rule, c.status, str(c.severity)) for c in checker.check([doc]).conflicts]


FLAGGED = [
    ("Russia withdrew 1,500 troops from the front on Monday. The 15,000 troops will move to Kursk.", "QTY001"),
    ("They hold a 200-kilometre front. Along the 200-mile front, shelling went on.", "QTY001"),
    ("The bank approved a €2.5 billion loan. The €250 million loan has conditions.", "QTY001"),
    ("Nine people died, among them four police officers and six civilians.", "ARI001"),
    # how far parts may overshoot is judged on the figures' intervals, exact counts or not
    ("14 people died in Tallinn on Monday, among them 1 police officers and 19 civilians.", "ARI001"),
    ("In the survey, 61% backed the plan. The survey also found that 47% were against it.", "ARI002"),
    # a breakdown appended with "with", or taking up its total with "of them"
    ("The council approved a £95m capital programme, with £60m for roads and £45m for schools.", "ARI001"),
    ("The team came home with 31 medals, 12 of them gold, 11 silver and 10 bronze.", "ARI001"),
    ("Jane Doe, 63, chairs the board. The 58-year-old Doe was re-elected.", "AGE001"),
]


@pytest.mark.parametrize("text,code", FLAGGED)
def test_flagged(text, code):
    assert code in [r for r, _, _ in rules_for(text)]


CLEAN = [
    "Shelling hit 12 villages in Sumy. In Kharkiv, 30 villages were hit.",
    "On Monday officials counted 40 dead. By Friday the count of dead reached 65.",
    "In 2019 the firm had 300 employees. It now has 450 employees.",
    "The road runs 500 miles (805 km). The 805-kilometre road is old.",
    "Nine people died, including four police officers.",
    "At least 12 people were killed and 40 people were injured.",
    "About 1,000 people marched. Police counted 1,020 people.",
    "Ukraine took 74 settlements. It took another 10 settlements on Tuesday.",
    "Three of the nine victims were children. The nine victims were named.",
    "The council approved a £95m capital programme, with £50m for roads and £45m for schools.",
    "The team came home with 31 medals, 12 of them gold, 10 silver and 9 bronze.",
    # "compared with" sets figures against others; only ", with" appends a breakdown
    "There were 34 licensed banks and 254 registered banks at the end of 1986, compared with 35 and 278 "
    "respectively a year ago.",
    # "six of them" divides the 27 before it; it is not a third part of the 31
    "The striker ended the season with 31 goals, 27 league goals, six of them penalties.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text):
    assert rules_for(text) == []


def test_attributed_disagreement_is_disputed_info():
    text = "Police said about 4,000 people attended the rally. Organisers said 40,000 people attended the rally."
    found = checker.check(text).conflicts
    assert [(c.rule, c.status, str(c.severity)) for c in found] == [("QTY001", "disputed", "info")]


def test_unattributed_is_inconsistent_error():
    text = "About 4,000 people attended the rally. In all, 40,000 people attended the rally."
    found = checker.check(text).conflicts
    assert [(c.status, str(c.severity)) for c in found] == [("inconsistent", "error")]


def test_across_documents():
    docs = [
        {"id": "draft", "text": "Russia moved 1,500 troops to Kursk."},
        {"id": "wire", "text": "Russia moved 15,000 troops to Kursk."},
    ]
    found = checker.check(docs).conflicts
    assert len(found) == 1
    assert [c.document for c in found[0].claims] == ["draft", "wire"]


def test_seed_article_has_no_numeric_alarm():
    text = open("seeds/kursk-incursion.txt", encoding="utf-8").read()
    report = checker.check([{"id": "seed", "text": text, "published": "2024-08-14"}])
    assert [c for c in report.conflicts if c.family in ("quantity", "arithmetic", "age")] == []
    assert report.stats["claims"].get("count", 0) >= 1


def test_elided_count_answers_an_earlier_source():
    text = "Police said about 9,000 people took part in the march. The union said 90,000 had joined."
    found = checker.check(text).conflicts
    assert [(c.rule, c.status) for c in found] == [("QTY001", "disputed")]
    assert found[0].claims[1].text == "90,000"


def test_elided_count_in_the_reporters_own_voice_is_not_guessed():
    assert rules_for("About 9,000 people marched on Friday. By Sunday 90,000 had joined.") == []


def test_unrelated_tolls_of_one_event_class_are_not_compared():
    text = (
        "The strike on the market killed 15 people, local volunteers said. "
        "The war has killed more than 13,000 people, according to monitors."
    )
    assert rules_for(text) == []


def test_transposed_digits_are_a_slip():
    text = "The court cut the fine to €1.84 billion on Wednesday. The company said it would pay the €1.48 billion fine."
    found = checker.check(text).conflicts
    assert found and found[0].evidence["cause"] == "digits transposed"


def test_two_voices_joined_by_a_semicolon_dispute_one_figure():
    text = "Kyiv said it had received the bodies of 250 soldiers; Russia said it had handed over 212."
    found = checker.check(text).conflicts
    assert [(c.rule, c.status, [x.text for x in c.claims]) for c in found] == [
        ("QTY001", "disputed", ["250 soldiers", "212"])
    ]
    assert found[0].claims[1].value.lo == 211.5  # "handed over" is a verb, not "more than"


def test_took_part_is_attendance_not_capture():
    text = "Organisers said more than 100,000 people took part. The interior ministry said about 15,000 had attended."
    assert [(c.rule, c.status) for c in checker.check(text).conflicts] == [("QTY001", "disputed")]


@pytest.mark.parametrize("text", [
    # each voice counts the crowd by its own noun; an estimate's clause is the source's claim
    "Gardaí estimated that 2,500 people took part in the march. Organisers said 10,000 marchers had joined them.",
    "Police estimated that 3,000 people marched to Parliament House. The union said 12,000 teachers took part in the rally.",
    # "confirmed dead" and "died" are one toll, whatever verb says how it is known
    "The national disaster agency said 31 people had been confirmed dead. The district chief told reporters "
    "that 112 people had died.",
    # an estimate of what an earlier voice gave, whatever it calls it
    "Ukraine's infrastructure ministry said about 60,000 tonnes of grain had been destroyed. The terminal's "
    "operator put the loss at about 6,000 tonnes.",
    # men an army lost are its dead, as those its enemy says it killed are
    "The army said its soldiers had killed more than 200 rebel fighters in the battle. The rebel group said it "
    "had lost 20 fighters.",
    # the second voice predicates its figure of the very thing the first did
    "The commission said turnout was 51.7%, comfortably above the 33% needed. The opposition said turnout had "
    "been below 45%.",
    # the source is the subject before its appositive
    "Organisers, a coalition of student groups, said more than 100,000 people took part. "
    "The interior ministry said about 15,000 had attended.",
])
def test_two_voices_counting_one_group_dispute_it(text):
    assert [(c.rule, c.status) for c in checker.check(text).conflicts] == [("QTY001", "disputed")]


@pytest.mark.parametrize("text", [
    # two gatherings, each counted once
    "Police said 3,000 people marched in Melbourne. In Geelong, organisers said 800 teachers took part.",
    # those who took part and those who watched are two groups
    "Police said 3,000 people marched to the square. Organisers said 12,000 spectators lined the route.",
])
def test_counts_of_two_gatherings_or_two_groups_are_not_one_crowd(text):
    assert rules_for(text) == []


def test_an_estimate_in_the_same_voice_or_of_another_unit_answers_nothing():
    # one voice revising nothing: the loss it puts is its own second figure
    assert rules_for("The ministry said 60,000 tonnes of grain were stored. The ministry put the loss at "
                     "6,000 tonnes.") == []
    # an estimate in money answers no figure in tonnes
    assert rules_for("The ministry said 60,000 tonnes of grain were destroyed. The operator put the loss at "
                     "$6m.") == []



def test_a_new_level_in_one_document_is_no_change_since_another_documents_figure():
    # "rose to" says the figure changed since an earlier mention in its own copy; a
    # parallel story's figure for the same year is no earlier mention
    docs = [{"id": "staff", "text": "Kestrel's revenue was $4.1 billion last year."},
            {"id": "wire", "text": "Kestrel's revenue rose 6% to $1.4 billion last year."}]
    assert [(c.rule, c.status) for c in checker.check(docs).conflicts] == [("QTY001", "inconsistent")]
    one = "Kestrel's revenue was $4.1 billion in 2023. Kestrel's revenue rose 6% to $1.4 billion in 2024."
    assert rules_for(one) == []


def test_a_pair_is_reported_once_by_the_rule_that_owns_it():
    text = "The wheat crop came in at 25.4m tonnes, the ministry said. The harvest of 24.5 million tonnes was the smallest since 2018."
    assert [c.rule for c in checker.check(text).conflicts] == ["QTY001"]


def test_a_bare_voice_sets_up_no_dispute_but_two_parties_do():
    # "officials" may speak for the governor who gave the first figure
    text = ("Acting governor Alexei Smirnov said 121,000 people had left the region. "
            "Officials said they were housing the 12,100 people who had left the region.")
    assert [(c.rule, c.status) for c in checker.check(text).conflicts] == [("QTY001", "inconsistent")]
    text = ("Acting governor Alexei Smirnov said 121,000 people had left the region. "
            "Ukrainian officials said they counted the 12,100 people who had left the region.")
    assert [(c.rule, c.status) for c in checker.check(text).conflicts] == [("QTY001", "disputed")]


def test_the_words_naming_a_source_are_the_reporters():
    # "The 300 protesters" is the copy's count of them, not something they said
    claims = {c.text: c.source for c in checker.check("The 300 protesters said police fired 40 shots.").claims
              if c.kind == "count"}
    assert claims == {"300 protesters": None, "40 shots": "protesters"}


def test_same_source_spelled_two_ways_is_one_source():
    text = (
        "Sea ice covered 4.28 million square kilometres, the data centre said. "
        "At 4.28 million square miles, the cover was the smallest in years, the data center said."
    )
    found = checker.check(text).conflicts
    assert [(c.rule, c.status) for c in found] == [("QTY002", "inconsistent")]


def test_a_document_by_a_body_is_that_body_s_and_the_same_one_is_one_source():
    from checker.attribution import same_source, source_key

    issued = source_key("a statement issued by the regional police command at mid-morning")
    assert issued == "regional police command"
    assert same_source(issued, source_key("the same police statement"))
    assert not same_source(issued, source_key("the fire brigade"))


def test_positions_along_a_course_are_not_one_measure():
    text = "Rotich pulled away after the 35-km mark. Alemayehu led from the 25-km mark."
    assert rules_for(text) == []


def test_a_restatement_is_paired_within_its_own_document():
    docs = [
        {"id": "a-draft", "text": "About 180,000 people have fled since Saturday, aid groups said."},
        {"id": "b-wire", "text": "UNHCR said about 180,000 people had fled. The governor's spokesman said 18,000 people had fled."},
    ]
    found = [c for c in checker.check(docs).conflicts if c.rule == "QTY001"]
    assert [[x.document for x in c.claims] for c in found] == [["b-wire", "b-wire"]]


AGE_CASES = [
    # (text, published, flagged)
    ("Judge Coles ordered Daniel Averill, 54, to pay. Testifying, Averill told jurors he was misled. "
     "The 47-year-old has been held since July.", "2024-10-04", True),
    # The story is about Haigh; "The 34-year-old" is Haigh, not Alexander, named last.
    ("Louise Haigh resigned on Friday. Haigh, 37, said she was sorry. Starmer named Heidi Alexander "
     "to replace Haigh. Alexander, 49, is an ally of Starmer. The 34-year-old had overseen rail plans.",
     "2024-11-30", True),
    ("Anna Vossberg, 52, needs 74 votes. Vossberg was first elected to the council in 2003, "
     "at the age of 34.", "2024-06-05", True),
    ("Anna Vossberg, 52, needs 74 votes. Vossberg was first elected to the council in 2006, "
     "at the age of 34.", "2024-06-05", False),
    ("Jane Doe, 63, spoke. She said her son Mark Doe was hurt. The 36-year-old was taken to hospital.",
     "2024-01-01", False),
    # the lede's unnamed person is the one the next sentence introduces by a who-clause
    ("Police have charged a 42-year-old dock worker with importing cocaine, the agency said on Friday.\n\n"
     "Daniel Okafor, who was arrested on Jan. 8, is due in court on Saturday. Okafor, who was born in "
     "April 1986, denies the charge.", "2025-01-10", True),
    ("Police have charged a 38-year-old dock worker with importing cocaine, the agency said on Friday.\n\n"
     "Daniel Okafor, who was arrested on Jan. 8, is due in court on Saturday. Okafor, who was born in "
     "April 1986, denies the charge.", "2025-01-10", False),
    # a person named only by a role: its ages in one story
    ("The driver, a 58-year-old man from Ashford, was questioned. Investigators will examine how long the "
     "63-year-old driver had been at the wheel.", "2024-06-01", True),
    ("The driver, a 58-year-old man from Ashford, was questioned. Investigators will examine how long the "
     "58-year-old driver had been at the wheel.", "2024-06-01", False),
    # a role noun that introduced two people names neither
    ("A 30-year-old man was stabbed on Friday. Police arrested a 45-year-old man nearby. The 31-year-old man "
     "was treated in hospital.", "2024-06-01", False),
    # an age before a role and a name, with no determiner
    ("The coach said that 19-year-old striker Tiago Mendes would start. Mendes, 23, scored twice.",
     "2025-03-09", True),
]


def test_a_place_after_an_age_and_a_role_is_no_name():
    text = "The driver, a 58-year-old man from Ashford, was questioned. Ashford, a market town, was quiet."
    report = checker.check([{"id": "d", "text": text, "published": "2024-06-01"}])
    # the age is the driver's (a role), never a person called Ashford's
    assert [c.subject for c in report.claims if c.kind == "age"] == ["the driver (d)"]


@pytest.mark.parametrize("text,published,flagged", AGE_CASES)
def test_ages_follow_the_person_just_named(text, published, flagged):
    assert ("AGE001" in [r for r, _, _ in rules_for(text, published)]) is flagged


# Identity of figures across restatements: each pair below is one figure given two values
# (flagged) or two figures that only look like one (clean).
RESTATED = [
    # a time back from the story's own after a "from" figure dates that earlier level
    ("Veltrix reported fourth-quarter revenue of $3.2 billion on Wednesday, up 18% from $2.71 billion "
     "a year earlier. The chipmaker's revenue reached $2.3bn in the three months to Dec. 31.", "QTY001"),
    # a dimension of a thing stays its own however far the story goes on
    ("Floodwater poured through a 40-metre breach in a levee early on Tuesday.\n\nHundreds fled.\n\n"
     "Police closed roads.\n\nSchools shut.\n\nCrews hoped to close the 400-metre breach by Wednesday night.", "QTY001"),
    # an amount before a noun prices it, as the noun's cost does
    ("The estimated cost of the observatory has risen to $3.2bn. Scientists said they still supported "
     "the $320m observatory.", "QTY001"),
    # a price per litre with nothing said of what it prices
    ("The national average for regular unleaded reached 158.4 cents a litre on Monday. With unleaded "
     "now at 185.4 cents a litre, a typical fill costs about $79.", "QTY001"),
]


@pytest.mark.parametrize("text,code", RESTATED)
def test_restatement_flagged(text, code):
    assert code in [r for r, _, _ in rules_for(text)]


NOT_RESTATED = [
    # repeating one of two figures says which one is meant
    "The deal was split between a nine-year bond and a 13-year bond. Guidance for the nine-year bond "
    "was 8.25%. The 13-year bond priced to yield 8.5%.",
    # a participle after the noun narrows it, however the parser hung it
    "In 2019 a smaller slide in the same valley killed 14 people. Aid agencies said the immediate needs were "
    "clean water, tarpaulins and medical supplies for the 23 people being treated for injuries at the district "
    "health centre.",
]


@pytest.mark.parametrize("text", NOT_RESTATED)
def test_not_a_restatement(text):
    assert rules_for(text) == []


def test_a_figure_presented_as_known_is_no_source_claim():
    text = ("The finance ministry said the bank approved a €2.5 billion loan on Tuesday. "
            "The opposition said the €250 million loan came too late.")
    found = [c for c in checker.check(text).conflicts if c.rule == "QTY001"]
    assert [(c.status, str(c.severity)) for c in found] == [("inconsistent", "warning")]


def test_a_list_that_names_the_set_it_divides_finds_its_count_past_others():
    text = ("The Leith Jazz Festival will feature 64 acts across ten days this summer, organisers announced "
            "yesterday.\n\nThe festival will stage 140 concerts in 17 venues around the port.\n\nOf the acts booked, "
            "28 are from Scotland and the rest of the UK, 22 from elsewhere in Europe and 19 from further afield.")
    found = checker.check(text).conflicts
    assert [(c.rule, c.claims[0].text) for c in found] == [("ARI001", "64 acts")]
    # the set named is the venues: the acts' count is no total of them
    assert rules_for(text.replace("Of the acts booked", "Of the venues booked")) == []


@pytest.mark.parametrize("text,quote,source", [
    # a speech verb with a thing for its object is an act, not a report: the voice that
    # reports it is the sentence's source
    ("U.S. employers added 180,000 jobs in March, the Labor Department said on Friday.", "180,000 jobs",
     "labor department"),
    # a participle on a noun names no one who reported it
    ("February's gain was revised down to 270,000 from the 275,000 first reported.", "275,000", None),
    # an object with a finite verb of its own is the lost clause the voice reports
    ("Police said about 4,000 supporters joined the march.", "about 4,000 supporters", "police"),
])
def test_the_source_is_the_voice_that_reports(text, quote, source):
    c = next(c for c in checker.check(text).claims if c.text == quote)
    assert c.source == source


@pytest.mark.parametrize("release_source,status", [
    # a bare kind of document says nobody's view: against the ministry it is no dispute
    ("press release", "inconsistent"),
    # a named body's release is that body's, and the body named in the story is the same one
    ("Agriculture Ministry press release", "inconsistent"),
    # a different named body disputes the figure
    ("Farmers' Union statement", "disputed"),
])
def test_whose_document_a_release_is(release_source, status):
    docs = [
        {"id": "release", "source": release_source, "text": "Farmers brought in a harvest of 28.5m tonnes of wheat."},
        {"id": "wire", "source": "wire",
         "text": "Farmers brought in 25.8m tonnes of wheat this year, the agriculture ministry said."},
    ]
    found = checker.check(docs).conflicts
    assert [c.status for c in found] == [status], [c.message for c in found]


def test_one_slip_found_twice_is_reported_once():
    # "21:27" against "20:27" and again against "8.27pm", which agrees with 20:27: one
    # slip, one finding, and the fold is counted
    text = ('In Burgos, totality will begin at 20:27 local time (18:27 GMT), according to the observatory. '
            '"If you are in Burgos at 8.27pm with a hill in the way, you will see nothing," said Pablo Rodriguez. '
            "Astronomers in Burgos plan to launch balloons at 19:00, so that they are at an altitude of about 25 km "
            "when totality begins at 21:27.")
    report = checker.check([{"id": "t", "text": text, "published": "2026-08-10"}])
    assert [(c.rule, [x.text for x in c.claims]) for c in report.conflicts] == [
        ("TIM001", ["20:27 local time", "21:27"])]
    assert report.stats["skipped_comparisons"]["a slip already found, against a claim of the same value"] == 1
