"""The public strategies in checker.testing, used as a newsroom would use them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker
from checker.rules import all_rules
from checker.testing import STRATEGIES, Article, Vocabulary, articles


def test_every_rule_family_has_a_strategy() -> None:
    assert set(STRATEGIES) == {r.family for r in all_rules()}
    rules = {r.code for r in all_rules()}
    assert len(rules) >= len(STRATEGIES)


@given(articles(conflict=True))
def test_injected_conflicts_are_found(article: Article) -> None:
    found = checker.check([article.as_document()]).conflicts
    assert any(c.rule == article.rule for c in found), article.text


@given(articles(conflict=False))
def test_consistent_articles_stay_quiet(article: Article) -> None:
    assert checker.check([article.as_document()]).conflicts == (), article.text


@pytest.mark.parametrize("family", sorted(STRATEGIES))
def test_every_family_strategy_injects_its_rule(family: str) -> None:
    family_rules = {r.code for r in all_rules() if r.family == family}

    @settings(max_examples=15, derandomize=True, deadline=None)
    @given(articles(conflict=True, families=(family,)))
    def check(article: Article) -> None:
        assert article.family == family and article.rule in family_rules
        found = checker.check([article.as_document()]).conflicts
        assert any(c.rule == article.rule for c in found), article.text

    check()


OURS = Vocabulary(names=("Kaja Kallas", "Volodymyr Zelensky"), nouns=("ambulances", "generators"),
                  places=("Tallinn", "Kherson"), units=("km", "feet"))


@settings(max_examples=40, derandomize=True, deadline=None)
@given(articles(families=("quantity", "age", "entity-spelling", "entity-role", "arithmetic"), vocabulary=OURS))
def test_a_custom_vocabulary_is_used_and_still_checked(article: Article) -> None:
    words = [*OURS.nouns, *OURS.places, *OURS.units, *(n.split()[-1] for n in OURS.names), "%"]
    assert any(w in article.text for w in words), article.text
    assert not re.search("Syrskyi|Tykhy|Kursk|Sumy|troops|tanks", article.text), article.text
    found = checker.check(article.as_document()).conflicts
    if article.rule is None:
        assert found == (), article.text
    else:
        assert any(c.rule == article.rule for c in found), article.text


@settings(max_examples=30, derandomize=True, deadline=None)
@given(articles(families=("weekday", "date", "quantity"), published=dt.date(2024, 8, 14)))
def test_a_fixed_publication_date_is_kept_and_dates_fall_before_it(article: Article) -> None:
    assert article.published == dt.date(2024, 8, 14)
    assert article.as_document()["published"] == "2024-08-14"
    for year in re.findall(r"\b(20\d\d)\b", article.text):
        assert year in ("2023", "2024"), article.text
    found = checker.check(article.as_document()).conflicts
    assert (article.rule is None) == (found == ()), article.text


@settings(max_examples=15, derandomize=True, deadline=None)
@given(articles(conflict=True, families=("weekday",),
                published=st.dates(dt.date(2020, 1, 1), dt.date(2020, 12, 31))))
def test_publication_dates_may_be_drawn(article: Article) -> None:
    assert article.published is not None and article.published.year == 2020
    assert any(c.rule == "WKD001" for c in checker.check(article.as_document()).conflicts), article.text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: articles(families=("quantities",)), "unknown rule family 'quantities'; choose from quantity, "),
        (lambda: articles(families=("qty", "dates")), "unknown rule families 'qty', 'dates'"),
        (lambda: articles(families=()), "name at least one family"),
        (lambda: Vocabulary(names=("Cher",)), "'Cher' must be 'Given Family'"),
        (lambda: Vocabulary(nouns="troops"), "Vocabulary.nouns: expected a non-empty tuple"),
        (lambda: Vocabulary(units=("km", "parsecs")), "'parsecs' is not a unit the checker knows"),
        (lambda: Vocabulary(units=("km", "kg")), "'kg' is not a length"),
        (lambda: Vocabulary(units=("km",)), "at least two length units"),
    ],
)
def test_bad_arguments_fail_at_once_with_a_clear_message(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        call()  # type: ignore[operator]


def test_a_bad_vocabulary_or_date_type_is_refused() -> None:
    with pytest.raises(TypeError, match=re.escape("vocabulary: expected a checker.testing.Vocabulary")):
        articles(vocabulary={"names": ["A B"]})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=re.escape("published: expected a datetime.date")):
        articles(published="2024-08-14")  # type: ignore[arg-type]
