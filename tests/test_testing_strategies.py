"""The public strategies in checker.testing, used as a newsroom would use them."""

from hypothesis import given

import checker
from checker.testing import Article, articles


@given(articles(conflict=True))
def test_injected_conflicts_are_found(article: Article):
    found = checker.check(article.text).conflicts
    assert any(c.rule == article.rule for c in found), article.text


@given(articles(conflict=False))
def test_consistent_articles_stay_quiet(article: Article):
    assert checker.check(article.text).conflicts == (), article.text
