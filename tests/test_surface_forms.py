"""How figures are written, read into value and unit: scale words and letters, wire-copy
abbreviations, fractions, hyphenated measures, currencies before and after the number,
minor units, ranges, and the words that are money in one sentence and weight or a score
in another.

Reading is tested on checker.extract.figures.read_figure, run over a document prepared as
the engine prepares it (tests/reading.py), so what is checked is the value and unit read
from the characters, not the engine's later judgment about what a figure counts.
"""

from __future__ import annotations

import math

import pytest
from reading import figures, unit_of

from checker.extract.figures import Figure, kind_of, normalized


def the_figure(text: str, quote: str) -> Figure:
    found = figures(text)
    at = text.index(quote)
    hits = [f for f in found if f.start < at + len(quote) and at < f.end]
    assert hits, f"nothing read at {quote!r}; read {[text[f.start:f.end] for f in found]}"
    return hits[0]


# text, quote (the figure as read), kind, value as stated after scale words, unit
# (currency code, unit key, "%" or "" for a count)
READS = [
    # scale words and letters
    ("The firm raised $5.1B in the offering.", "$5.1B", "money", 5.1e9, "USD"),
    ("It won a £40m contract.", "£40m", "money", 40e6, "GBP"),
    ("It cost 1.8M dollars.", "1.8M dollars", "money", 1.8e6, "USD"),
    ("The county sold $ 75 million of bonds.", "$ 75 million", "money", 75e6, "USD"),
    ("The agency shipped 1.4m doses to the region.", "1.4m", "count", 1.4e6, ""),
    ("About 3m new jobs were created.", "About 3m", "count", 3e6, ""),
    ("The player is 1.8m tall.", "1.8m", "measure", 1.8, "metre"),
    ("The crane reached 48m.", "48m", "measure", 48, "metre"),
    ("Each tile is 1 m x 1 m.", "1 m", "measure", 1, "metre"),
    ("The submarine weighs 25 lakh tonnes.", "25 lakh tonnes", "measure", 2.5e6, "tonne"),
    ("The project costs Rs 5 crore.", "Rs 5 crore", "money", 5e7, "INR"),
    ("He owes 12,34,567 rupees.", "12,34,567 rupees", "money", 1234567, "INR"),
    ("It costs half a million dollars.", "half a million dollars", "money", 5e5, "USD"),
    ("It costs a quarter million us dollars.", "a quarter million us dollars", "money", 2.5e5, "USD"),
    ("They sent a dozen tanks.", "a dozen", "count", 12, ""),
    # a number times "dozen"
    ("Dogs killed two dozen in-lamb ewes.", "two dozen", "count", 24, ""),
    ("She bought 3 dozen eggs.", "3 dozen", "count", 36, ""),
    # wire copy
    ("Profit was 1.5 bln dlrs in 1986.", "1.5 bln dlrs", "money", 1.5e9, "USD"),
    ("Net income was 900 mln dlrs.", "900 mln dlrs", "money", 900e6, "USD"),
    ("The unit earned two mln dlr last year.", "two mln dlr", "money", 2e6, "USD"),
    ("The board declared a dividend of 21 cts a share.", "21 cts a share", "money", 21, "USD"),
    ("Reserves fell 200 mln stg in March.", "200 mln stg", "money", 200e6, "GBP"),
    ("Output was 1.2 mln bpd in March.", "1.2 mln bpd", "measure", 1.2e6, "barrel"),
    ("Output was 1.3 mln barrels per day.", "1.3 mln barrels per day", "measure", 1.3e6, "barrel"),
    ("Exports reached 500,000 tonnes.", "500,000 tonnes", "measure", 5e5, "tonne"),
    ("The dollar closed at 143.80 yen.", "143.80 yen", "money", 143.8, "JPY"),
    ("The dollar closed at 1.8500 marks.", "1.8500 marks", "money", 1.85, "DEM"),
    ("The company paid 1.5 billion marks for the stake.", "1.5 billion marks", "money", 1.5e9, "DEM"),
    ("The bid valued the group at 528 mln francs.", "528 mln francs", "money", 528e6, "XFR"),
    ("Inflation rose 2.5 pct in January.", "2.5 pct", "percent", 2.5, "%"),
    ("The yield was 7-1/2 pct.", "7-1/2 pct", "percent", 7.5, "%"),
    # pounds: weight or sterling
    ("The baby weighed seven pounds at birth.", "seven pounds", "measure", 7, "pound_mass"),
    ("She lost 25 pounds last year.", "25 pounds", "measure", 25, "pound_mass"),
    ("He was fined 40 pounds by the court.", "40 pounds", "money", 40, "GBP"),
    ("The club spent 361 million pounds on players.", "361 million pounds", "money", 361e6, "GBP"),
    ("They exported 2.4 billion pounds of beef.", "2.4 billion pounds", "measure", 2.4e9, "pound_mass"),
    ("You weigh 200lbs.", "200lbs", "measure", 200, "pound_mass"),
    # hyphenated and fractional measures
    ("The six-mile trip took an hour.", "six-mile", "measure", 6, "mile"),
    ("It was a three-year dispute.", "three-year", "measure", 3, "year"),
    ("A 10-gallon cooler toppled.", "10-gallon", "measure", 10, "gallon"),
    ("It takes 10 1/2 miles of cable.", "10 1/2 miles", "measure", 10.5, "mile"),
    ("It is a 1/4 mile oval.", "1/4 mile", "measure", 0.25, "mile"),
    ("Add ½ teaspoon of salt.", "½ teaspoon", "measure", 0.5, "teaspoon"),
    ("The runner is 5 ft 2 in.", "5 ft 2 in", "measure", 5 + 2 / 12, "foot"),
    ("He is 6 feet and 4 inches.", "6 feet and 4 inches", "measure", 6 + 4 / 12, "foot"),
    # lengths of time in two units are one length
    ("The flight takes 14 hours and 40 minutes.", "14 hours and 40 minutes", "measure", 14 + 40 / 60, "hour"),
    ("Totality lasts 1 minute and 43 seconds.", "1 minute and 43 seconds", "measure", 1 + 43 / 60, "minute"),
    ("He served 3 years and 4 months.", "3 years and 4 months", "measure", 3 + 4 / 12, "year"),
    ("The weight is 20 (kg).", "20 (kg)", "measure", 20, "kilogram"),
    ("The crane lifts 100t.", "100t", "measure", 100, "tonne"),
    ("Rotate it 90 degrees.", "90 degrees", "measure", 90, "degree"),
    ("The chip has a 16-bit bus.", "16-bit", "measure", 16, "bit"),
    ("The car has 300 horsepower.", "300 horsepower", "measure", 300, "horsepower"),
    # cents and pence: the value as written, the interval in the major unit
    ("The stock fell 34 cents.", "34 cents", "money", 34, "USD"),
    ("Shares closed at 470p.", "470p", "money", 470, "GBP"),
    ("Shares fell 12 pence.", "12 pence", "money", 12, "GBP"),
    ("Shares slid one penny.", "one penny", "money", 1, "GBP"),
    ("It paid a 12-cent dividend.", "12-cent", "money", 12, "USD"),
    ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", "money", 3.5, "USD"),
    ("It cost thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents", "money", 13.45, "USD"),
    ("It costs 15 dollars 50.", "15 dollars 50", "money", 15.5, "USD"),
    ("They needed 15 USD 50 more.", "15 USD 50", "money", 15.5, "USD"),
    ("It costs 15 dollars and 15 people came.", "15 dollars", "money", 15, "USD"),
    ("It costs 50 dollar 40 rmb.", "40 rmb", "money", 40, "CNY"),
    # currencies before and after the number
    ("It cost 10 $ in the shop.", "10 $", "money", 10, "USD"),
    ("Banknotes: 5 €, 10 €.", "10 €", "money", 10, "EUR"),
    ("It sold for 10 $ and later 30 $.", "30 $", "money", 30, "USD"),
    ("Russia accepted a US $ 150 million loan.", "US $ 150 million", "money", 150e6, "USD"),
    ("The charge was C$ 300 million.", "C$ 300 million", "money", 300e6, "CAD"),
    ("Exports rose to HK$10.05 billion.", "HK$10.05 billion", "money", 10.05e9, "HKD"),
    ("Buy it for USD 200.", "USD 200", "money", 200, "USD"),
    ("The fee is USD115.", "USD115", "money", 115, "USD"),
    ("The fee is 115USD.", "115USD", "money", 115, "USD"),
    ("Losses exceeded 30 MUSD.", "30 MUSD", "money", 30e6, "USD"),
    ("They lost 75 USD million.", "75 USD million", "money", 75e6, "USD"),
    ("The fare is 10 turkish lira.", "10 turkish lira", "money", 10, "TRY"),
    ("Each block pays 6.25 BTC.", "6.25 BTC", "money", 6.25, "BTC"),
    # a basis point is a hundredth of a percentage point
    ("The bank raised its rate by 25 basis points.", "25 basis points", "percent", 0.25, "pp"),
    ("The 50-basis-point rise surprised markets.", "50-basis-point", "percent", 0.5, "pp"),
    ("Yields fell 12 bps on Friday.", "12 bps", "percent", 0.12, "pp"),
    # ranges
    ("Prices rose 12-15 pct.", "12-15 pct", "percent", 12, "%"),
    ("Between 40 and 50 people were hurt.", "Between 40 and 50", "count", 40, ""),
    ("Rates are at 5-3/4 to 6-1/4 pct.", "5-3/4 to 6-1/4 pct", "percent", 5.75, "%"),
    ("It will cost $3-$5 billion.", "$3-$5 billion", "money", 3e9, "USD"),
    ("The lens is 75-300mm.", "75-300mm", "measure", 75, "millimetre"),
]


@pytest.mark.parametrize("text,quote,kind,value,unit", READS, ids=[r[1] for r in READS])
def test_reads_value_and_unit(text: str, quote: str, kind: str, value: float, unit: str) -> None:
    fig = the_figure(text, quote)
    assert text[fig.start : fig.end] == quote
    assert kind_of(fig) == kind
    assert math.isclose(fig.value, value, rel_tol=1e-9), fig
    assert unit_of(fig) == unit


@pytest.mark.parametrize(
    "text,quote,lo,hi",
    [
        ("The stock fell 34 cents.", "34 cents", 0.335, 0.345),  # dollars
        ("Shares closed at 470p.", "470p", 4.65, 4.75),  # pounds
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.495, 3.505),
        ("Prices rose 12-15 pct.", "12-15 pct", 12, 15),
        ("Between 40 and 50 people were hurt.", "Between 40 and 50", 40, 50),
        ("The protests drew tens of thousands.", "tens of thousands", 20_000, 100_000),
        ("Tens of thousands of people marched.", "Tens of thousands of", 20_000, 100_000),
        ("Rates are at 5-3/4 to 6-1/4 pct.", "5-3/4 to 6-1/4 pct", 5.75, 6.25),
    ],
)
def test_interval(text: str, quote: str, lo: float, hi: float) -> None:
    fig = the_figure(text, quote)
    assert fig.lo == pytest.approx(lo, rel=1e-6) and fig.hi == pytest.approx(hi, rel=1e-6)


@pytest.mark.parametrize(
    "text,quote",
    [
        ("Shares of Warner rose 7/8 to 31-1/8 on Monday.", "7/8"),  # a change, then the new level
        ("They won 3-1 on Sunday.", "3"),  # a score
    ],
)
def test_not_a_range(text: str, quote: str) -> None:
    assert all(f.qualifier != "range" for f in figures(text))


# Words that look like units or currencies and are not, here.
NO_UNIT = [
    "She scored 90 marks in the exam.",
    "Try 10 times before you give up.",
    "I tried to call Bob 3 times already.",
    "The temperature is 24 degrees.",
    "The set streams 1080p video.",
    "Part 24703 L-202 is on order.",
    "It was the twenty-first attempt.",
    "They built a two-way street.",
    "He is a two-bit crook.",
    "The 2 pm meeting was cancelled.",
    "She won 3 crowns in a row.",
    "He said the five SEC commissioners would meet.",
]


@pytest.mark.parametrize("text", NO_UNIT)
def test_no_unit_read(text: str) -> None:
    read = [(text[f.start : f.end], unit_of(f)) for f in figures(text) if f.currency or f.unit]
    assert read == []


@pytest.mark.parametrize(
    "text,quote,currency",
    [
        ("He paid with a $5 bill.", "$5", "USD"),  # not the Australian "a$"
        ("Apple's $5 billion deal closed.", "$5 billion", "USD"),  # not Singapore's "s$"
        ("The county sold $ 75 million of bonds.", "$ 75 million", "USD"),
    ],
)
def test_symbol_letters_are_not_guessed(text: str, quote: str, currency: str) -> None:
    fig = the_figure(text, quote)
    assert fig.currency == currency and text[fig.start : fig.end] == quote


@pytest.mark.parametrize(
    "text,quote,shown",
    [
        ("The stock fell 34 cents.", "34 cents", "USD 0.34"),  # beside "$0.34"
        ("The firm raised $5.1B in the offering.", "$5.1B", "USD 5.1 billion"),
        ("Shares closed at 470p.", "470p", "GBP 4.7"),
        ("Exports reached 500,000 tonnes.", "500,000 tonnes", "500,000 t"),
    ],
)
def test_normalized(text: str, quote: str, shown: str) -> None:
    fig = the_figure(text, quote)
    assert normalized(fig, kind_of(fig)) == shown
