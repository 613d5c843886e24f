"""How long a continuing event has run by the story's date ("the strike, now in its
second week"), checker/extract/elapsed.py, against the day it began (DUR003)."""

import pytest

import checker


def _elapsed(text: str, published: str = "2025-01-15"):
    report = checker.check([{"id": "d", "text": text, "published": published}])
    return [c for c in report.claims if c.kind == "measure" and "ongoing" in c.qualifiers]


@pytest.mark.parametrize(
    "text,subject,days",
    [
        ("The strike, now in its fourth week, has cost the company $100 million.", "strike", (21, 28)),
        # set off after its noun, whatever verb the parser hung it on
        ("Shops say trade has fallen as the drivers' walkout, now in its second week, keeps commuters away.",
         "walkout", (7, 14)),
        ("The siege entered its 40th day on Tuesday.", "siege", (39, 40)),
        ("The trial, in its third month, heard from two more witnesses.", "trial", (60.875, 91.3125)),
    ],
)
def test_elapsed_time_of_an_event(text, subject, days):
    (c,) = _elapsed(text)
    assert c.subject == subject
    assert (c.value.lo / 86400, c.value.hi / 86400) == days


@pytest.mark.parametrize(
    "text",
    [
        "The club, now in its fourth year, sold out again.",  # a club is no event
        "Ticket sales are in their second week.",  # sales: no event the count runs on
    ],
)
def test_no_elapsed_time_without_an_event(text):
    assert _elapsed(text) == []


def _rules(docs):
    return sorted(c.rule for c in checker.check(docs).conflicts if c.rule.startswith("DUR"))


def test_a_run_so_far_against_the_day_another_story_says_it_began():
    wire = {"id": "wire", "published": "2025-01-13",
            "text": "Train drivers began an indefinite strike on Monday, cancelling almost all services."}
    staff = {"id": "staff", "published": "2025-01-15",
             "text": "Takings have fallen as the drivers' walkout, now in its second week, keeps commuters home."}
    assert _rules([wire, staff]) == ["DUR003"]
    staff["published"] = "2025-01-21"
    assert _rules([wire, staff]) == []


def test_a_run_so_far_is_no_length_of_the_whole():
    text = ("Dockers voted for a six-week strike. The strike, now in its second week, has closed the port.")
    assert _rules([{"id": "d", "text": text, "published": "2025-01-15"}]) == []
