"""The public strategies in checker.testing, used as a newsroom would use them."""

import pytest
from hypothesis import given, settings

import checker
from checker.testing import STRATEGIES, Article, articles


@given(articles(conflict=True))
def test_injected_conflicts_are_found(article: Article):
    found = checker.check([article.as_document()]).conflicts
    assert any(c.rule == article.rule for c in found), article.text


@given(articles(conflict=False))
def test_consistent_articles_stay_quiet(article: Article):
    assert checker.check([article.as_document()]).conflicts == (), article.text


@pytest.mark.parametrize("family", sorted(STRATEGIES))
def test_every_family_strategy_injects_its_rule(family: str):
    @settings(max_examples=15, derandomize=True, deadline=None)
    @given(articles(conflict=True, families=(family,)))
    def check(article: Article) -> None:
        found = checker.check([article.as_document()]).conflicts
        assert any(c.rule == article.rule for c in found), article.text

    check()
