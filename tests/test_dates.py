"""Date, time and weekday claims (checker/extract/dates.py) and their rules (DAT, TIM, WKD)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker


def claims(text: str, published: str | None = None, kinds=("date", "time", "weekday")):
    doc = {"id": "d", "text": text}
    if published:
        doc["published"] = published
    report = checker.check([doc])
    for c in report.claims:
        assert text[c.start : c.end] == c.text
    return [c for c in report.claims if c.kind in kinds]


def codes(docs) -> list[str]:
    return sorted(c.rule for c in checker.check(docs).conflicts if c.rule[:3] in ("DAT", "TIM", "WKD"))


# text, published, quote, kind, normalized, event
EXTRACTION = [
    ("The summit opened on March 3.", "2025-03-06", "March 3", "date", "2025-03-03", "summit"),
    ("It was signed on 3 March 2025 in Paris.", None, "3 March 2025", "date", "2025-03-03", "signing"),
    ("Voss was arrested on Oct. 12 in Miami.", "2023-12-07", "Oct. 12", "date", "2023-10-12", "arrest"),
    ("The dam gave way in the early hours of Sept 11.", "2023-10-02", "Sept 11", "date", "2023-09-11", "collapse"),
    ("The vote took place on 2025-03-03.", None, "2025-03-03", "date", "2025-03-03", "vote"),
    ("The court ruled on Tuesday.", "2024-07-24", "Tuesday", "date", "2024-07-23", "ruling"),
    ("The mine collapsed on Wednesday.", "2024-07-24", "Wednesday", "date", "2024-07-24", "collapse"),
    ("The hearing will resume on Monday.", "2024-07-24", "Monday", "date", "2024-07-29", "hearing"),
    ("The bridge collapsed yesterday.", "2024-07-24", "yesterday", "date", "2024-07-23", "collapse"),
    ("The bill passed last week.", "2024-12-13", "last week", "date", "2024-12-01..2024-12-08", "vote"),
    ("The fire broke out three weeks ago.", "2024-07-24", "three weeks ago", "date", "2024-06-30..2024-07-06", "fire"),
    ("Prices rose earlier this month.", "2024-07-24", "earlier this month", "date", "2024-07-01..2024-07-24", "rise"),
    ("Her 1966 debut sold poorly.", None, "1966", "date", "1966-01-01..1966-12-31", "debut"),
    # the verb's tense, not "plans", says the day is past; the parser's noun phrase is repaired
    ("The council adopted plans on Wednesday to widen the road.", "2024-05-31", "Wednesday", "date", "2024-05-29", "adopt"),
    ("The plans adopted on Wednesday will cost $4m.", "2024-05-31", "Wednesday", "date", "2024-05-29", "adopt"),
    # "ran" only carries the event its subject names, as "lasted" does
    ("Contracts ran from 2019-2021.", None, "2019-2021", "date", "2019-01-01..2021-12-31", "contract"),
    # a sentence's full stop after a month is no abbreviation's
    ("The outbreak was declared on 12 January.", "2024-03-15", "12 January", "date", "2024-01-12", "declare"),
    # a stretch of days is one date; "from" before a month and a day is no month
    ("Leaders met at a summit on June 4-7, 2024.", None, "June 4-7, 2024", "date", "2024-06-04..2024-06-07", "meet"),
    ("The summit, held from 4 to 7 June 2024, was long.", None, "4 to 7 June 2024", "date", "2024-06-04..2024-06-07", "summit"),
    ("The summit ran from June 4 to June 7, 2024.", None, "June 4", "date", "2024-06-04", "summit"),
    # a pronoun subject of a phase verb takes up the event of the sentence before
    ("The siege began on 3 March 2024. It ended on 20 March 2024.", None, "20 March 2024", "date", "2024-03-20", "siege"),
    # a comma-set participle after "N by M" is about N; a passive act on a thing is an event
    ("The report by the consortium, published on Nov 13, found no peak.", "2024-11-20", "Nov 13", "date", "2024-11-13", "publish"),
    # the verb's tense picks the year of a date printed without one
    ("Officials said the emergency declared on December 31 would end soon.", "2000-01-03", "December 31", "date", "1999-12-31", "declare"),
    ("The truce was signed on March 3. Two days later the talks collapsed.", "2025-03-06", "Two days later", "date", "2025-03-05", "collapse"),
    ("The summit opened on March 3. The vote came a week after the summit.", "2025-03-20", "a week after", "date", "2025-03-10", "vote"),
    # counted from a clause: the count belongs to the event the clause is set against, and
    # its anchor may be dated later in the text or named by what the event acted on
    ("The reactor was shut on Aug. 2, a fortnight after the leak was found on July 25.", "2025-08-05",
     "a fortnight after", "date", "2025-08-08", "shut"),
    ("She filed the appeal thirty days after she was convicted on March 12.", "2025-04-23",
     "thirty days after", "date", "2025-04-11", "file"),
    ("Consent was granted on March 4. Works begin ten days after the consent.", "2025-03-05",
     "ten days after", "date", "2025-03-14", "work"),
    # a verb conjoined in a relative clause shares the clause's noun
    ("The trial that opened on Jan. 8 and ended on April 30 was long.", "2025-05-20", "April 30", "date",
     "2025-04-30", "trial"),
    ("The main blast, at 3:40 a.m., destroyed a hall.", None, "3:40 a.m.", "time", "03:40", "explosion"),
    # a 24-hour time after "at" with a leading zero or an hour past noon needs no zone
    ("The train derailed at 06:40 near the village.", None, "06:40", "time", "06:40", "derail"),
    ("The rocket lifted off at 21:05 local.", None, "21:05 local", "time", "21:05", "lift off"),
    # a phrasal verb WordNet knows, made with an adverb; a gerund after a time is an act
    ("The tanker ran aground at 0340 local time.", None, "0340 local time", "time", "03:40", "run aground"),
    ("Investigators read the log from the 4.40am grounding.", None, "4.40am", "time", "04:40", "ground"),
    ("Residents were woken by the 4:40 a.m. explosion.", None, "4:40 a.m.", "time", "04:40", "explosion"),
    ("The first cloud of particles struck Earth at 16:45 GMT.", None, "16:45 GMT", "time", "16:45 UTC", "strike"),
    ("The quake struck the region at 11:11 p.m. local time.", None, "11:11 p.m. local time", "time", "23:11", "quake"),
    ("The closest approach came at 2:27 p.m. EST.", None, "2:27 p.m. EST", "time", "19:27 UTC", "approach"),
    ("The screening ended shortly after midnight.", None, "midnight", "time", "00:00–00:30", "screening"),
    ("The parade starts at noon.", None, "noon", "time", "12:00", "start"),
    ("The fire started at about 3:40 a.m.", None, "3:40 a.m.", "time", "03:25–03:55", "fire"),
    # a date set off by commas right after an event noun is the noun's, wherever the parser
    # hung it; "the time of" an event is the event
    ("Rao, who attended the sentencing, on Thursday 14 May, said controls had changed.", "2024-05-20", "14 May",
     "date", "2024-05-14", "sentencing"),
    ("By the time of the vote, just after 9 p.m., only two senators remained opposed.", None, "9 p.m.", "time",
     "21:00–21:30", "vote"),
    # ... but not a day counted from an event and then restated
    ("Works begin ten days after the consent, on March 18, with cables.", "2024-03-06", "March 18", "date",
     "2024-03-18", "begin"),
    # taking part in an event named by the object: the event is the object's
    ("Gerhard Pichler won the mayoral election on June 9.", "2024-06-20", "June 9", "date", "2024-06-09", "election"),
    # a rule coming into force: the rule's start, event noun or not
    ("The ban took effect on 20 July.", "2025-07-25", "20 July", "date", "2025-07-20", "ban"),
    ("The law came into force on 3 May.", "2025-07-25", "3 May", "date", "2025-05-03", "law"),
    # a compound event noun's own phrasal verb is in its class ("touchdown": touched down)
    ("The jet touched down at 16:20.", None, "16:20", "time", "16:20", "landing"),
    ("The probe lifted off on Monday.", "2024-10-16", "Monday", "date", "2024-10-14", "launch"),
    # a participle on a noun is done to the noun, whatever the parser made its object
    ("The order, signed on 15 July by the minister, prohibits shipments.", "2025-07-25", "15 July", "date",
     "2025-07-15", "signing"),
    # an offset written after the zone, or in brackets after "local time", is the zone
    ("The quake struck at 02:14 UTC+7, officials said.", None, "02:14 UTC+7", "time", "19:14 UTC", "quake"),
    ("The quake struck at 02:14 local time (UTC+7), officials said.", None, "02:14 local time (UTC+7)", "time",
     "19:14 UTC", "quake"),
    ("The blast was heard at 9:30 a.m. GMT-05:30 in the port.", None, "9:30 a.m. GMT-05:30", "time", "15:00 UTC",
     "hear"),
    # a participle of performing on an event noun dates the event, however the parser hung it
    ("The eviction, carried out on Monday, followed a court order.", "2024-10-10", "Monday", "date", "2024-10-07",
     "eviction"),
    # ... but an infinitive of a verb of making is no such participle: the documents are
    # made public this week, not the transaction
    ("The fee will be noted in documents on the transaction to be made public later this week.", "1987-03-02",
     "this week", "date", "1987-03-01..1987-03-08", ""),
    # ... but a range of times is no offset
    ("The window ran from 10:00 GMT-11:00 GMT on Monday.", None, "10:00 GMT", "time", "10:00 UTC", "run"),
    # a participle of recording on an event noun dates the event
    ("The tremor, recorded at 20:14 GMT on Tuesday, was followed by aftershocks.", "2024-04-03", "20:14 GMT", "time",
     "20:14 UTC", "tremor"),
    # the quake, not the striking, once the lost verb is found
    ("A strong earthquake struck the region at 3:17 a.m., officials said.", None, "3:17 a.m.", "time", "03:17",
     "quake"),
    # "the first time" is the occasion of the win, not an event of its own
    ("Harbour United won the cup for the first time on Sunday.", "2024-05-27", "Sunday", "date", "2024-05-26", "win"),
    # a count hung on the noun after "after" counts from it: the event is what the phrase,
    # or the clause that noun is the subject of, is set against, never the anchor
    ("Talks resumed two weeks after the walkout began on 1 March, with a conciliator chairing.", "2025-04-02",
     "two weeks after", "date", "2025-03-15", "resume"),
]


@pytest.mark.parametrize(("text", "published", "quote", "kind", "normalized", "event"), EXTRACTION)
def test_extraction(text, published, quote, kind, normalized, event):
    found = [c for c in claims(text, published) if c.text == quote and c.kind == kind]
    assert found, [(c.text, c.kind, c.normalized) for c in claims(text, published)]
    assert found[0].normalized == normalized
    c = found[0]
    # The event is named by its word, its verb or its event class (checker/extract/events.py).
    named = {c.subject, c.get("event_word"), c.get("event_class")} - {None, ""}
    assert (event in named) if event else not named, (c.subject, c.get("event_word"), c.get("event_class"))


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The ministry said on Tuesday that the summit had opened.", "2024-07-24"),  # the statement's date
        ("The strike came on Monday.", None),  # no publication date: a relative date is no claim
    ],
)
def test_no_event_or_no_claim(text, published):
    for c in claims(text, published, kinds=("date",)):
        if c.text == "Tuesday":
            assert c.subject == ""
        assert c.text != "Monday"


def test_weekday_claim_links_its_date():
    ws = claims("The vote on Tuesday, May 22 was close.", "2024-05-27", kinds=("weekday",))
    assert [w.text for w in ws] == ["Tuesday"]
    assert ws[0].get("date") == "2024-05-22"
    assert ws[0].get("actual") == 3


def test_dateline_is_not_an_event_date():
    text = "KYIV, June 25 - Ukraine and Russia exchanged 90 prisoners on Tuesday. The June 23 swap took months."
    ds = claims(text, "2024-06-26", kinds=("date",))
    assert "June 25" not in [c.text for c in ds]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ([{"id": "a", "text": "The attack on Tuesday, May 22 killed seven.", "published": "2024-05-27"}], ["WKD001"]),
        ([{"id": "a", "text": "The attack on Wednesday, May 22 killed seven.", "published": "2024-05-27"}], []),
        # No year anywhere: a guess is not a finding.
        ([{"id": "a", "text": "The attack on Tuesday, May 22 killed seven."}], []),
        # The year at the end of a range applies to both ends.
        ([{"id": "a", "text": "It runs from Friday, August 1, to Monday, August 25, 2025."}], []),
        ([{"id": "a", "text": "It runs from Thursday, August 1, to Monday, August 25, 2025."}], ["WKD001"]),
        # A date printed with a weekday that fits it ten months back is read in that year.
        ([{"id": "a", "text": "He was killed on Saturday, April 15.", "published": "2023-10-19"}], []),
        # Relative against absolute, across documents.
        (
            [
                {"id": "y", "text": "The court ruled on Tuesday that drivers are self-employed.", "published": "2024-07-24"},
                {"id": "t", "text": "Shares rose on Wednesday. The July 22 ruling was split.", "published": "2024-07-25"},
            ],
            ["DAT001"],
        ),
        (
            [
                {"id": "y", "text": "The court ruled on Tuesday that drivers are self-employed.", "published": "2024-07-24"},
                {"id": "t", "text": "Shares rose on Wednesday. The July 23 ruling was split.", "published": "2024-07-25"},
            ],
            [],
        ),
        # A later report about the event is not the event.
        ([{"id": "a", "text": "The summit opened on March 3. The ministry said on March 5 that it went well.", "published": "2025-03-06"}], []),
        # Different events.
        ([{"id": "a", "text": "The summit opened on March 3. The vote took place on March 5.", "published": "2025-03-06"}], []),
        # A new event introduced with "an".
        ([{"id": "a", "text": "The Saturday strike came days after an attack on a printing works on May 22.", "published": "2024-05-27"}], []),
        # Start and end of one event.
        ([{"id": "a", "text": "The screening began at 9:30 p.m. in the hall. The screening ended at 11:58 p.m. to applause."}], []),
        ([{"id": "a", "text": "The screening began at 9:30 p.m. in the hall. Critics loved the 10:30 p.m. screening."}], ["TIM001"]),
        # Time zones respected.
        ([{"id": "a", "text": "The probe landed at 3:40 p.m. EDT. Engineers cheered the 19:40 UTC landing."}], []),
        ([{"id": "a", "text": "The probe landed at 3:40 p.m. EDT. Engineers cheered the 20:40 UTC landing."}], ["TIM001"]),
        # No story date and no years: one event's two days still disagree, whatever the year.
        ([{"id": "a", "text": "The summit opened on March 3 in Geneva. Delegates said the summit, which began on "
                              "March 5, would last a week."}], ["DAT001"]),
        # ... but a day without a year is not set against a dated one.
        ([{"id": "a", "text": "The summit opened on March 3, 2024 in Geneva. Delegates said the summit, which began "
                              "on March 5, would last a week."}], []),
        # A marked later instance is another event, even after an indefinite first mention.
        ([{"id": "a", "text": "A drone strike at 9:40 p.m. killed a commander. A second strike at 10:40 p.m. hit a depot."}],
         []),
        # An hour apart to the minute, the event named two ways: a slip, weakly.
        ([{"id": "a", "text": "A drone strike at 9:40 p.m. killed a field commander in Bint Jbeil. Residents said "
                              "the 10:40 p.m. attack shook buildings across the town."}], ["TIM002"]),
        # Round minutes are timetables.
        ([{"id": "a", "text": "The first ferry left at 6:00 a.m. from the north pier. Passengers boarded the 7:00 a.m. "
                              "ferry in the rain."}], []),
        # One election, won on one day and held on another.
        ([{"id": "a", "text": "Gerhard Pichler won the mayoral election on June 9. His rival challenged the June 2 "
                              "election in court.", "published": "2024-06-20"}], ["DAT001"]),
        # One quake, struck and then "the tremor", two times.
        ([{"id": "a", "text": "A strong earthquake struck the region at 3:17 a.m. on Thursday, officials said. The "
                              "tremor, which hit at 5:17 a.m., was felt in the capital.", "published": "2025-02-07"}],
         ["TIM001"]),
        # One resignation, by one person, named two ways on two days.
        ([{"id": "a", "text": "Helena Marsh quit on 2 September. Helena Marsh resigned on 3 September, aides said.",
           "published": "2025-09-05"}], ["DAT001"]),
        # A walkout is a kind of strike, which WordNet also calls a work stoppage.
        ([{"id": "a", "text": "The walkout began at 6am on Monday. The strike began at 9am on Monday, the union said.",
           "published": "2025-10-15"}], ["TIM001"]),
        # A motion verb dated is a departure or an arrival, an event of its own.
        ([{"id": "a", "text": "The rocket left the pad at 06:40 GMT. Trackers said the rocket left the pad at "
                              "07:10 GMT.", "published": "2025-05-20"}], ["TIM001"]),
        ([{"id": "a", "text": "The rocket left the pad at 06:40 GMT. The booster landed at 07:10 GMT.",
           "published": "2025-05-20"}], []),
        # A count from "the collapse" when the nearest collapse named is dated only by its
        # year: which collapse is counted from is not known.
        ([{"id": "a", "text": "The tunnel collapsed on 11 August. The rescue recalls the 2010 collapse at the San Jose "
                              "mine, where 33 miners were trapped. They were brought to the surface on 13 October, "
                              "69 days after the collapse.", "published": "2025-08-20"}], []),
        # Two zones' days and times: the instants are compared, not the days.
        ([{"id": "a", "text": "The quake struck at 02:14 local time (UTC+7) on Wednesday, officials said. The tremor, "
                              "recorded at 20:14 GMT on Tuesday, was followed by aftershocks.",
           "published": "2024-04-03"}], ["TIM001"]),
        ([{"id": "a", "text": "The quake struck at 02:14 local time (UTC+7) on Wednesday, officials said. The tremor, "
                              "recorded at 19:14 GMT on Tuesday, was followed by aftershocks.",
           "published": "2024-04-03"}], []),
        # A year printed with one day and not the other, in another year: last year's race.
        ([{"id": "a", "text": "The race starts on June 9. Vogt finished second here last year, in a race held on June 4, "
                              "2023.", "published": "2024-06-07"}], []),
        # A count set after a date, with the day before it sentences back: which day it
        # counts from is not known.
        ([{"id": "a", "text": "Health workers began the first round of the campaign on Monday. The round runs until "
                              "Friday, March 14. A second round is due to begin on April 14, five weeks later.",
           "published": "2025-03-10"}], []),
        # "Her resignation" is the resignation of the person told of; "its closure" may be
        # anything's.
        ([{"id": "a", "text": "Transport Minister Elena Varga resigned yesterday after an ethics report. Her "
                              "resignation on 3 November came two days after the report was leaked.",
           "published": "2024-11-06"}], ["DAT001"]),
        # Times on different days are not compared (the two days are a date conflict).
        ([{"id": "a", "text": "The meeting began at 9 a.m. on Monday. The meeting began at 10 a.m. on Tuesday.", "published": "2024-07-24"}], ["DAT001"]),
    ],
)
def test_rules(docs, expected):
    assert codes(docs) == expected


# Shifting every date of an article, publication date included, by the same number of days
# changes no finding.
TEMPLATES = [
    "The summit opened on {d0:%B %-d}. Delegates said the summit, which began on {d2:%B %-d}, would last a week.",
    "The court ruled on {wd1}. The {d3:%B %-d} ruling was split.",
    "The attack on {wd0}, {d0:%B %-d} killed seven. The blast at 3:40 a.m. on {wd0} woke residents. The 4:40 a.m. explosion was heard miles away.",
    "Officials said the emergency declared on {d0:%B %-d} would end soon. Since the emergency was declared three days ago, teams have sprayed 600,000 homes.",
    "A missile hit the port at 9:25 p.m. on {wd1}. The port reopened about 10 hours after the 10:25 p.m. strike, the governor said on {wd0}.",
]


def render(template: str, published: dt.date) -> str:
    d = {f"d{k}": published - dt.timedelta(days=k + 3) for k in range(4)}
    wd = {f"wd{k}": (published - dt.timedelta(days=k + 1)).strftime("%A") for k in range(2)}
    return template.format(**d, **wd)


def findings(text: str, published: dt.date) -> list[tuple[str, tuple[str, ...]]]:
    report = checker.check([{"id": "a", "text": text, "published": published.isoformat()}])
    return sorted((c.rule, tuple(x.text for x in c.claims)) for c in report.conflicts if c.rule[:3] in ("DAT", "TIM", "WKD"))


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(TEMPLATES),
    st.dates(min_value=dt.date(2000, 1, 15), max_value=dt.date(2040, 12, 15)),
    st.integers(min_value=-4000, max_value=4000),
)
def test_shifting_all_dates_changes_no_finding(template, published, shift):
    shifted = published + dt.timedelta(days=shift)
    a = findings(render(template, published), published)
    b = findings(render(template, shifted), shifted)
    # Spans hold the dates themselves, so compare rule codes and claim counts.
    assert [(r, len(c)) for r, c in a] == [(r, len(c)) for r, c in b]


def test_a_mismatched_weekday_cites_another_mention_of_its_event():
    # the editor is told which to keep: "4 March", elsewhere, is the trial's date too
    text = "The trial opened on Tuesday, 3 March 2025 in Leeds. The trial, which opened on 4 March, heard 12 witnesses."
    (finding,) = [c for c in checker.check([{"id": "d", "text": text, "published": "2025-03-20"}]).conflicts
                  if c.rule == "WKD001"]
    assert [c.text for c in finding.claims] == ["Tuesday", "3 March 2025", "4 March"]
    assert "elsewhere '4 March' (2025-03-04) dates the same trial" in finding.message
    # another event's date is no restatement
    text = "The trial opened on Tuesday, 3 March 2025 in Leeds. The inquiry opened on 4 March."
    (finding,) = [c for c in checker.check([{"id": "d", "text": text, "published": "2025-03-20"}]).conflicts
                  if c.rule == "WKD001"]
    assert len(finding.claims) == 2


def test_a_noun_with_the_names_its_own_event():
    import checker

    text = "The trial opened on January 10 in Vienna. The trial, which started on January 12, drew 40 people."
    found = checker.check([{"id": "a", "text": text, "published": "2015-06-20"}]).conflicts
    assert [c.rule for c in found] == ["DAT001"]
    assert "~" not in found[0].message


def test_a_day_without_a_year_against_a_dated_one_is_counted_as_skipped():
    text = "The summit opened on March 3, 2024 in Geneva. Delegates said the summit, which began on March 5, would last a week."
    stats = checker.check(text).to_dict()["stats"]["skipped_comparisons"]
    assert stats.get("a date without a year (and no story date) against a dated one") == 1


def test_a_day_without_a_year_says_so():
    text = "The summit opened on March 3 in Geneva. Delegates said the summit, which began on March 5, would last a week."
    dates = [c.normalized for c in checker.check(text).claims if c.kind == "date"]
    assert dates == ["March 3, year not given", "March 5, year not given"]


def test_a_duration_against_days_without_years():
    found = checker.check("The six-week strike began on March 3 and ended on March 30.").conflicts
    assert [c.rule for c in found] == ["DUR002"]


def test_a_slipped_conversion_names_the_time_it_converts():
    # "1:34 p.m. EDT (1734 GMT)" ... "1834 GMT": the slip is against the conversion, and
    # the editor is shown the time it restates as well
    text = ("The capsule docked at 1:34 p.m. EDT (1734 GMT), NASA said. Flight controllers said the "
            "capsule's arrival at 1834 GMT came after a two-hour final approach.")
    found = [c for c in checker.check(text).conflicts if c.rule == "TIM002"]
    assert [[x.text for x in c.claims] for c in found] == [["1:34 p.m. EDT", "1734 GMT", "1834 GMT"]]


def test_a_time_slipped_between_two_stories_of_one_check():
    # yesterday's story and today's follow-up: an hour apart to the minute, one event
    docs = [{"id": "day1", "text": "The sleeper train left the rails at 06:40 near Dalwhinnie, the operator said."},
            {"id": "day2", "text": "Rail unions said the 7.40am derailment could have been far worse."}]
    found = [c for c in checker.check(docs).conflicts if c.rule == "TIM002"]
    assert [[(x.document, x.text) for x in c.claims] for c in found] == [[("day1", "06:40"), ("day2", "7.40am")]]
    # the same stories with the times agreeing raise nothing
    docs[1]["text"] = docs[1]["text"].replace("7.40am", "6.40am")
    assert not [c for c in checker.check(docs).conflicts if c.rule[:3] == "TIM"]


def test_two_stories_giving_one_thing_one_length_each_disagree():
    # the only length each document gives the trial, named by the same word in both
    docs = [{"id": "wire", "text": "The jury retired after a trial that lasted 11 weeks at the High Court."},
            {"id": "staff", "text": "Jurors were sent out at the end of the six-week trial on Tuesday."}]
    found = checker.check(docs).conflicts
    assert [(c.rule, c.severity.name) for c in found] == [("DUR001", "WARNING")]
    # a story with two trials says nothing about which one the other story means
    docs[0]["text"] += " A second trial lasted two weeks."
    assert not checker.check(docs).conflicts


def test_a_weekdays_possessive_dates_the_event_it_determines():
    from checker.scope import times_in

    text = "Police said about 2,500 people joined Thursday's march, a smaller crowd than the previous day."
    assert [key for _, _, key in times_in(text, 0, len(text))] == ["thursday", "previous day"]


def test_a_period_counted_back_or_forward_scopes_a_figure():
    from checker.scope import times_in

    text = "Revenue in the first three months of the year was $140m. Sales over the past 12 months rose."
    assert [key for _, _, key in times_in(text, 0, len(text))] == ["first three months", "past 12 months"]
    # "revenues for February" is February's, as "in February" is
    text = "Its revenues for February were 200,000 dlrs. In February sales rose."
    assert [key for _, _, key in times_in(text, 0, len(text))] == ["february", "february"]


@pytest.mark.parametrize(
    "text,phase",
    [
        # a date the parser hung on the object of a verb of beginning or ending dates that end
        ("Train drivers began an indefinite strike on Monday.", "start"),
        ("The army lifted the siege on Monday.", "end"),
        ("Train drivers staged a strike on Monday.", ""),
        # a bare event noun after "on" is a state of being in it: a day within it
        ("Dockworkers at three terminals in the port remained on strike on Wednesday, the third day of a "
         "stoppage.", "during"),
        ("Dockworkers at three terminals in the port joined the strike on Wednesday, the third day of a "
         "stoppage.", ""),
        # an event noun's act on something is a day within the event; a carrier verb dates it
        ("The trade summit overran its schedule on Thursday.", "during"),
        ("The trade summit opened on Thursday.", "start"),
    ],
)
def test_the_phase_a_date_on_an_event_noun_names(text, phase):
    (c,) = claims(text, "2025-01-15", kinds=("date",))
    assert c.get("phase", "") == phase


@pytest.mark.parametrize("first,second", [("a-wire", "b-staff"), ("b-wire", "a-staff")])
def test_an_indefinite_mention_in_another_story_is_that_storys_first(first, second):
    """"a regional summit that opened on March 5" in the staff piece is the wire's summit
    all the same, whichever story sorts first (the indefinite article marked a new instance
    only when the other story came first)."""
    docs = [
        {"id": first, "text": "The regional summit opened on March 3 in Nairobi, officials said.",
         "published": "2025-03-06"},
        {"id": second, "text": "Ministers met at a regional summit that opened on March 5 in Nairobi.",
         "published": "2025-03-06"},
    ]
    assert codes(docs) == ["DAT001"]


def test_a_passive_subject_without_an_auxiliary_is_the_doer_not_also_the_thing_done_to():
    # "The jet touched down", parsed as a passive with no auxiliary: the jet is no object
    (time,) = claims("The jet touched down at 16:20, according to flight-tracking data cited by the airport.",
                     kinds=("time",))
    assert time.get("agent") == "jet" and time.get("patient") == ""


# Dates read wrongly as dates of an event, each once a false alarm on copy written to
# mislead: (text, published, quote, what must hold of its claim, or None for no claim).
MISREAD = [
    # a date right after a speech verb dates the saying, however the parser hung it
    ("Russia's Defence Ministry said on Sunday its forces had struck the city.", "2024-05-27", "Sunday",
     lambda c: c.subject == ""),
    # the tense of the verb an event noun is the subject of ("began"), not of a later
    # conjunct ("is due to run")
    ("The union said 1,900 members had joined the walkout, which began at 6 a.m. on Monday and is due to run "
     "until Friday.", "2025-03-12", "Monday", lambda c: c.normalized == "2025-03-10"),
    # an infinitive a present verb or adjective looks forward to is still to come
    ("The next mission is due to launch from California on Friday.", "2025-06-04", "Friday",
     lambda c: c.normalized == "2025-06-06"),
    ("The company plans to open the plant on Monday.", "2025-06-04", "Monday", lambda c: c.normalized == "2025-06-09"),
    ("He is believed to have died on Monday.", "2025-06-04", "Monday", lambda c: c.normalized == "2025-06-02"),
    # "three days later than planned" is a delay against a plan, counted from no day
    ("A rocket lifted off on Friday. The launch came three days later than planned.", "2024-06-21",
     "three days later", None),
    # "a year to the day after" counts a year, not a day
    ("Drivers walked out on Monday, almost a year to the day after a walkout that lasted 19 days.", "2024-11-11",
     "the day after", None),
    # a sentence opening with a year of its own sets its year-less dates in it
    ("In 2022, the heatwave that began on 9 July ended on 26 July.", "2025-07-16", "9 July",
     lambda c: c.normalized == "2022-07-09"),
    ("The dam, completed in 1977, gave way on Sept 11.", "2023-10-02", "Sept 11", lambda c: c.normalized == "2023-09-11"),
]


@pytest.mark.parametrize(("text", "published", "quote", "holds"), MISREAD)
def test_dates_once_misread(text, published, quote, holds):
    found = [c for c in claims(text, published) if c.text == quote and c.kind == "date"]
    if holds is None:
        assert not found
    else:
        assert found, [(c.text, c.kind) for c in claims(text, published)]
        assert holds(found[0]), (found[0].normalized, found[0].subject, dict(found[0].data))


def test_a_dateline_with_the_day_before_the_month_is_not_an_event_date():
    text = "AREQUIPA, Peru, 14 August – Rescuers reached 11 miners trapped since a tunnel collapsed on 11 August."
    assert "14 August" not in [c.text for c in claims(text, "2025-08-14", kinds=("date",))]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # the years of two dates printed without one were guessed each on its own: a date
        # counted from one is set against the other in any year
        ([{"id": "a", "text": "In Chile, 33 miners were trapped on 5 August and found alive 17 days later, on 22 "
                              "August.", "published": "2025-08-14"}], []),
        ([{"id": "a", "text": "In Chile, 33 miners were trapped on 5 August and found alive 17 days later, on 29 "
                              "August.", "published": "2025-08-14"}], ["DAT001"]),
        # a sentence set in another year tells another instance
        ([{"id": "a", "text": "The heatwave officially began on 30 June. In 2022, the heatwave that began on 9 July "
                              "ended on 26 July.", "published": "2025-07-16"}], []),
        # a deadline ("no later than 16 April") is no day to count "the day after" from
        ([{"id": "a", "text": "Holders will be paid within 14 days of completion, no later than 16 April. The listing "
                              "will be cancelled on 3 April, the day after completion.", "published": "2024-03-14"}],
         []),
        # one walkout, its day resolved by its own verb in both stories
        ([{"id": "a", "text": "The union said 1,900 members had joined the walkout, which began at 6 a.m. on Monday "
                              "and is due to run until Friday.", "published": "2025-03-12"},
          {"id": "b", "text": "About 1,900 dockers walked out at 6 a.m. on Monday.", "published": "2025-03-12"}], []),
    ],
)
def test_dates_of_other_instances(docs, expected):
    assert codes(docs) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a length measured against the dates of another instance of its event: "a second
        # five-day strike, from 25 to 29 November" has its own dates beside it
        ("The five-day walkout began at 04:00 yesterday. Unite said a second five-day strike, from Monday 25 "
         "November to Friday 29 November, would go ahead.", []),
        # the same dates of the one walkout, counted wrong
        ("The five-day walkout began at 04:00 yesterday. Unite said the walkout would end on Friday 29 November.",
         ["DUR002"]),
        # a date with its own length beside it ("a three-day strike from 4 to 6 June") is
        # that length's, not a length stated of the event elsewhere
        ("Drivers began a strike on Monday that lasted 19 days. A dispute at the depot was settled after a "
         "three-day strike from 4 to 6 June.", []),
        # from 7am to 7am five days on is five days, and six counting both: not four
        ("The four-day walkout, which began at 7am on Thursday 27 June and ended at 7am on Tuesday 2 July, was "
         "the 11th round of industrial action.", ["DUR002"]),
        ("The five-day walkout, which began at 7am on Thursday 27 June and ended at 7am on Tuesday 2 July, was "
         "the 11th round of industrial action.", []),
        ("The six-day walkout, which began at 7am on Thursday 27 June and ended at 7am on Tuesday 2 July, was "
         "the 11th round of industrial action.", []),
        # the end date follows "ended": it is the ending's, however the parser hung it
        ("The four-day walkout, which began at 7am on Thursday 7 November and ended at 7am on Tuesday 12 November, "
         "was the 11th round of action.", ["DUR002"]),
        # a length of days measures no event
        ("The museum reopened on Monday after a renovation. \"Seven more days after three years is nothing,\" "
         "said its director. Holders of tickets dated 3 to 9 March have been offered entry on any day.", []),
    ],
)
def test_a_length_meets_only_its_own_instances_dates(text, expected):
    found = checker.check([{"id": "a", "text": text, "published": "2024-11-12"}]).conflicts
    assert sorted(c.rule for c in found if c.rule.startswith("DUR")) == expected


def test_a_count_set_right_after_a_date_restates_it_from_the_date_before():
    text = "The airline announced the route on 29 May and put tickets on sale on 2 June, four days later."
    counted = [c for c in claims(text, "2025-10-27", kinds=("date",)) if c.text == "four days later"]
    assert [c.normalized for c in counted] == ["2025-06-02"]
    wrong = "The airline announced the route on 29 May and put tickets on sale on 9 June, four days later."
    assert codes([{"id": "a", "text": wrong, "published": "2025-10-27"}]) == ["DAT001"]


def test_a_participle_in_ing_dates_a_stretch_not_a_point():
    # "patients waiting at the end of September" and "at the end of February": two counts
    # of one state at two times, not one event dated twice
    text = ("The trust had 1,140 patients waiting longer than 65 weeks at the end of September. "
            "NHS England said 7,400 patients had been waiting more than 65 weeks at the end of February.")
    assert codes([{"id": "a", "text": text, "published": "2025-04-02"}]) == []
    assert {c.get("phase") for c in claims(text, "2025-04-02", kinds=("date",))} == {"during"}


def test_a_date_the_told_clause_carries_is_its_sources():
    """Two sources dating one strike differently disagree; a date naming which event ("the
    10:40 p.m. strike") stays the reporter's, and a weekday that does not fit its date is a
    slip whoever gave it."""
    text = ("The health ministry said the strike on the hospital took place on 3 November. The military said it "
            "carried out the strike on the hospital on 4 November.")
    found = checker.check([{"id": "a", "text": text, "published": "2024-11-06"}]).conflicts
    assert [(c.rule, c.status) for c in found] == [("DAT001", "disputed")]
    text = "Police said the raid began on Tuesday, November 6, 2024, before dawn."
    found = checker.check([{"id": "a", "text": text, "published": "2024-11-08"}]).conflicts
    assert [(c.rule, c.status) for c in found] == [("WKD001", "inconsistent")]


def test_a_day_given_with_a_local_time_is_the_local_day() -> None:
    # its conversion's day in GMT, and the story's own unzoned day, are other clocks' days
    text = ("A magnitude 6.4 earthquake struck at 02:14 local time on Saturday (17:14 GMT on Friday), "
            "officials said. The quake struck early on Saturday, the agency said.")
    assert codes([{"id": "d", "text": text, "published": "2025-03-15"}]) == []
    # a day two days off is still a slip
    slipped = text.replace("early on Saturday", "early on Thursday")
    assert "DAT001" in codes([{"id": "d", "text": slipped, "published": "2025-03-15"}])



def test_a_day_on_which_an_act_did_not_happen_dates_no_event() -> None:
    doc = {"id": "d", "published": "2024-12-04",
           "text": "Schools in the region did not close on Monday despite the warnings. Schools in the region "
                   "closed on Tuesday as the storm arrived."}
    assert codes([doc]) == []
    # "not ... until" dates the act all the same
    doc = {"id": "d", "published": "2024-06-12",
           "text": "The plant did not reopen until Tuesday. The plant reopened on Wednesday."}
    assert codes([doc]) == ["DAT001"]


def test_a_count_is_never_compared_with_the_date_it_counts_from():
    """Whatever event a count is given, it and its anchor are two days by construction."""
    text = ("Cleaners voted to return to work. Talks resumed two weeks after the walkout began on 1 March, with a "
            "conciliator chairing. The walkout, which began on 1 March, cost the trust £2m.")
    assert [c.rule for c in checker.check([{"id": "t", "text": text, "published": "2025-04-02"}]).conflicts
            if c.family == "date"] == []


def test_a_place_first_of_all_names_no_event_by_a_rarer_sense():
    """"prefecture": a place, though WordNet's second sense is the office of a prefect; a
    date hung on it is no date of a prefecture."""
    for c in claims("Officials in Miyazaki prefecture on Sunday counted the damage.", "2025-03-17"):
        assert c.subject != "prefecture"
