"""Claim extractors, one module per claim kind. Each takes a prepared sentence context
and returns claims whose spans index the original text."""
