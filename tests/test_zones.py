"""Local times: which clock a "local time" was on (checker/zones.py, the places table derived
from the tz database) and conversions beside a time (TIM003)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker
from checker import zones
from checker.model import Severity


@pytest.mark.parametrize(
    "name,zone",
    [
        ("Istanbul", "Europe/Istanbul"),
        ("the Philippines", "Asia/Manila"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Côte d’Ivoire", "Africa/Abidjan"),
        ("Burma", "Asia/Yangon"),  # a country's other name in the database
    ],
)
def test_places_the_tz_database_names(name, zone):
    assert zone in zones.zones_of(name)


@pytest.mark.parametrize(
    "name",
    [
        "Christmas",  # Indian/Christmas: a holiday first
        "Easter",
        "Center",  # America/North_Dakota/Center: a county seat in a three-part name
        "Casey",  # an Antarctic station, and a name
        "Kourou",  # a town the database does not name
    ],
)
def test_words_and_names_that_are_no_place_here(name):
    assert zones.zones_of(name) == ()


def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


@pytest.mark.parametrize(
    "name,day,offset",
    [
        ("London", "2024-01-15", (0, 0)),
        ("London", "2024-07-15", (60, 60)),  # summer time, read for the day
        ("Sao Paulo", "2024-10-27", (-180, -180)),
        ("Philippines", "2024-10-20", (480, 480)),
        ("Brazil", "2024-10-27", None),  # four clocks at once
        ("Atlantis", "2024-10-27", None),
    ],
)
def test_offsets_on_a_day(name, day, offset):
    assert zones.utc_offset(name, _day(day)) == offset


@pytest.mark.parametrize(
    "text,place",
    [
        ("ISTANBUL, March 3 (Reuters) - A tanker ran aground.", "istanbul"),
        ("SAO PAULO — Voters went to the polls.", "sao paulo"),
        ("The storm hit at dawn.", None),
        ("NOWHERESVILLE, March 3 (Reuters) - A tanker ran aground.", None),
    ],
)
def test_dateline_place(text, place):
    assert zones.dateline_place(text) == place


def _local(text: str, published: str = "2024-10-20"):
    report = checker.check([{"id": "d", "text": text, "published": published}])
    return next(c for c in report.claims if c.kind == "time" and "local" in c.text)


@pytest.mark.parametrize(
    "text,utc",
    [
        # a place the text names, on one clock with the dateline: 10pm in Manila is 14:00 UTC
        ("MANILA (Reuters) - The storm made landfall at 10pm local time in the Philippines.", 840.0),
        ("The storm made landfall in the Philippines at 10pm local time.", 840.0),
        # a country on several clocks, and a city of it the text names
        ("Polls in Brazil close at 5pm local time in Sao Paulo.", 1200.0),
        # a dateline alone may be a bureau's
        ("PARIS (Reuters) - The rocket lifted off at 21:05 local time.", None),
        # the event set in a place the database does not know
        ("PARIS (Reuters) - The rocket lifted off from France's base in Kourou at 21:05 local time.", None),
        # places on different clocks: a runner's country and the race's city
        ("Ethiopia's Tola won in Chicago, crossing the line at 9:35 a.m. local time.", None),
        # a country on several clocks and no city of it
        ("The polls in Brazil close at 5pm local time.", None),
    ],
)
def test_which_clock_a_local_time_is_on(text, utc):
    assert _local(text).get("utc_lo") == utc


def test_a_wrong_conversion_names_both_times_and_the_place():
    text = "MANILA (Reuters) - The storm made landfall at 10pm local time (1300 GMT) in the Philippines."
    report = checker.check([{"id": "d", "text": text, "published": "2024-10-20"}])
    (finding,) = [c for c in report.conflicts if c.rule == "TIM003"]
    assert [c.text for c in finding.claims] == ["10pm local time", "1300 GMT"]
    assert "Philippines" in finding.message and "14:00 UTC" in finding.message
    assert finding.severity == Severity.WARNING  # the place is inferred


_CITIES = ["London", "Istanbul", "Manila", "Tokyo", "Sao Paulo", "Paris", "Lagos", "Jakarta", "Athens"]


@settings(max_examples=30, deadline=None)
@given(
    city=st.sampled_from(_CITIES),
    minute=st.integers(0, 1439),
    day=st.dates(dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
    slip=st.sampled_from([0, 60, -60, 120]),
)
def test_a_conversion_conflicts_exactly_when_it_is_not_the_same_moment(city, minute, day, slip):
    """A local time and its conversion in GMT: the right offset for the city on that day
    never conflicts; one off by whole hours always does."""
    off = zones.utc_offset(city, day.toordinal())
    assert off is not None
    utc = (minute - off[0] + slip) % 1440
    text = (f"{city.upper()} (Reuters) - Fire broke out at a depot in {city} at "
            f"{minute // 60:02d}{minute % 60:02d} local time ({utc // 60:02d}{utc % 60:02d} GMT), police said.")
    report = checker.check([{"id": "d", "text": text, "published": day.isoformat()}])
    assert ("TIM003" in {c.rule for c in report.conflicts}) == (slip != 0)


def test_a_conversion_belongs_to_the_event_of_the_time_it_converts():
    """"at 10pm local time (1300 GMT)": the parser hangs the bracketed time on the clock
    words; it is the landfall's time all the same, and so meets the landfall's times in
    the other stories of a check."""
    text = "The typhoon made landfall at 10pm local time (1400 GMT) near the town."
    report = checker.check([{"id": "d", "text": text, "published": "2024-10-20"}])
    times = {c.text: c for c in report.claims if c.kind == "time"}
    assert times["1400 GMT"].subject == times["10pm local time"].subject == "make landfall"
    other = {"id": "w", "text": "The typhoon made landfall at 1500 GMT, the agency said.", "published": "2024-10-20"}
    found = [c for c in checker.check([{"id": "d", "text": text, "published": "2024-10-20"}, other]).conflicts
             if c.rule == "TIM001"]
    assert [sorted(x.text for x in c.claims) for c in found] == [["1400 GMT", "1500 GMT"]]


def test_a_local_time_on_a_weekday_named_with_its_date_is_placed_on_that_date():
    # "on Tuesday 7 May": the weekday holds no day of its own; the time is read on the date
    # (the weekday was once taken as day 0, and the document could not be checked)
    text = "The train left Prague at 06:15 local time on Tuesday 7 May."
    report = checker.check([{"id": "d", "text": text, "published": "2024-05-08"}])
    assert report.errors == ()
    assert _local(text, "2024-05-08").get("utc_lo") == 255.0  # 06:15 in Prague in May is 04:15 UTC


def test_an_offset_on_a_day_outside_the_calendar_is_unknown():
    assert zones.offset_on("Europe/Prague", 0) is None
