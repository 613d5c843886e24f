"""Amounts of change read from the parse (checker/extract/changes.py): the word of change,
its direction, what changes and the period it is measured over; and the rule that
compares two amounts of one change (QTY003)."""

import pytest

import checker


def change_at(text: str, quote: str):
    report = checker.check([{"id": "t", "text": text, "published": "2024-06-10"}])
    hit = [c for c in report.claims if c.text == quote and c.get("change") is not None]
    assert hit, f"no change claim {quote!r} in {[c.text for c in report.claims]}"
    return hit[0].get("change")


@pytest.mark.parametrize("text,quote,word,direction,thing,periods", [
    # a verb of change: its subject changes
    ("Revenue rose 7% in 2024.", "7%", "rise", "up", "revenue", ()),
    # a transitive verb of change: its object changes
    ("The bank raised its benchmark rate by 25 basis points.", "25 basis points", "raise", "up", "rate", ()),
    # a noun of change: its "in" phrase
    ("Analysts noted a 1.2% rise in rents.", "1.2%", "rise", "up", "rent", ()),
    # a noun of change with no thing of its own, only a possessor
    ("The stock's 21% slide wiped out its gains.", "21%", "slide", "down", "", ()),
    # a comparative states a change against a baseline
    ("Compared with the third quarter of last year, production was 1.3% higher.", "1.3%", "high", "up",
     "production", (365,)),
    # a period written as one word, and a period adjective
    ("Even so, year-on-year growth of 3.1% leaves output low.", "3.1%", "growth", "up", "", (365,)),
    ("Unions blamed a 4.1% monthly decline in exports on energy costs.", "4.1%", "decline", "down", "export", (30,)),
    # "12 months" is a year
    ("Prices rose 3.1% in the 12 months to May.", "3.1%", "rise", "up", "price", (365,)),
])
def test_change_of(text, quote, word, direction, thing, periods):
    ch = change_at(text, quote)
    assert (ch.word, ch.direction, ch.thing, ch.periods) == (word, direction, thing, periods)


def test_a_level_is_no_change():
    report = checker.check([{"id": "t", "text": "Revenue rose 7% to $4.1 billion in 2024."}])
    level = next(c for c in report.claims if c.text == "$4.1 billion")
    assert level.get("change") is None and "change" not in level.qualifiers


def test_a_change_noun_with_an_article_is_a_new_change():
    assert not change_at("Shares fell 12%. A 21% slide followed on Friday.", "21%").definite
    assert change_at("Shares fell 12%. The 21% slide wiped out its gains.", "21%").definite


def conflicts(text: str) -> list:
    report = checker.check([{"id": "t", "text": text, "published": "2024-06-10"}])
    return [c for c in report.conflicts if c.rule == "QTY003"]


def test_a_definite_change_noun_restates_the_nearest_change_of_its_direction():
    # (weakly: the swapped digits are what confirm it)
    found = conflicts("Shares in Solvera fell 12% on Thursday. Revenue rose 3% in the quarter. "
                      "The stock's 21% slide wiped 4 billion francs off its value.")
    assert [[c.text for c in f.claims] for f in found] == [["12%", "21%"]]


def test_strong_identity_is_an_error_and_weak_a_warning():
    strong = conflicts("Revenue rose 7% in 2024, the company said. Revenue rose 9% in 2024, it added.")
    assert [str(f.severity) for f in strong] == ["error"]
    # the thing and direction agree, but the time is said once: only a slip tells
    weak = conflicts("Revenue rose 17% in 2024, the company said. Revenue rose 71%, it added.")
    assert [str(f.severity) for f in weak] == ["warning"]
    assert conflicts("Revenue rose 17% in 2024, the company said. Revenue rose 25%, it added.") == []


@pytest.mark.parametrize("text", [
    "Revenue rose 7% in 2024. Revenue rose 9% in 2023.",
    "Revenue rose 7% in 2024. Revenue fell 9% in 2024.",
    "Prices rose 2.1% in May. Food prices rose 4.5% in May.",
    "Sales at Acme rose 12% in 2024. Sales at Zenith rose 21% in 2024.",
    "The Fed raised rates by 25 basis points on Wednesday. The ECB raised rates by 50 basis points on Wednesday.",
    "Prices rose 1.3% on the month in May. Prices were 3.1% higher than a year earlier in May.",
    # a number in the thing's phrase says which one
    "Output at Unit 4 rose 6.5% in May. Output at Unit 7 rose 5.6% in May.",
    # a bare mention among several kinds of the thing may be any of them
    "The import price index rose 1.1% in May. The index was down 29% from a year earlier. The domestic price "
    "index fell 0.1% in May. The index was down 6.7% from a year earlier.",
])
def test_different_changes_never_conflict(text):
    assert conflicts(text) == []
