"""Table-driven quantity extraction: text in, claims and normalized intervals out."""

import math

import pytest

import checker


def claims(text, published=None):
    doc = {"id": "t", "text": text}
    if published:
        doc["published"] = published
    return checker.check([doc]).claims


CASES = [
    # text, expected claim text, kind, subject, lo, hi (in base units)
    ("Ukraine took 74 settlements.", "74 settlements", "count", "settlement", 73.5, 74.5),
    ("Seventy-four settlements fell.", "Seventy-four settlements", "count", "settlement", 73.5, 74.5),
    ("They sent a dozen tanks.", "a dozen tanks", "count", "tank", 11.5, 12.5),
    ("They sent 1,500 troops.", "1,500 troops", "count", "troop", 1450, 1550),
    # a collective counts its members
    ("The tanker had 23 crew on board.", "23 crew", "count", "crew", 22.5, 23.5),
    ("Hundreds of people fled.", "Hundreds of people", "count", "person", 200, 1000),
    ("More than 1,000 square kilometers of territory fell.", "More than 1,000 square kilometers", "measure", "territory", 1e9, math.inf),
    ("It holds a 200-kilometre front.", "200-kilometre", "measure", "front", 190_000, 210_000),
    ("A 200-mile front.", "200-mile", "measure", "front", 190 * 1609.344, 210 * 1609.344),
    ("The bank lent $3.2bn to the port.", "$3.2bn", "money", "", 3.15e9, 3.25e9),
    ("A £40m contract.", "£40m", "money", "contract", 38e6, 42e6),
    ("About 1,000 people attended.", "About 1,000 people", "count", "person", 800, 1200),
    ("Nearly 1,000 people attended.", "Nearly 1,000 people", "count", "person", 800, 1000),
    ("Between 10 and 15 people were hurt.", "Between 10 and 15 people", "count", "person", 10, 15),
    ("Up to 40 vehicles were hit.", "Up to 40 vehicles", "count", "vehicle", -math.inf, 40),
    ("Inflation of 4.1% worried them.", "4.1%", "percent", "inflation", 4.05, 4.15),
    ("Temperatures hit 40°C in the city.", "40°C", "measure", "", 40 + 273.15 - 0.5, 40 + 273.15 + 0.5),
    ("Wind reached 120 km/h.", "120 km/h", "measure", "", 120 / 3.6 * 0.95, 120 / 3.6 * 1.05),
    # "at" hung on the verb beside the figure is still the figure's: "put the toll at N"
    ("Volunteers had gone village by village since Saturday morning, and the groups put the death toll "
     "at about 2,900, said their coordinator.", "about 2,900", "count", "toll", 2610, 3190),
    # a number hung on the first noun of a compound counts the compound's head
    ("A convoy of 26 aid trucks reached the city.", "26 aid trucks", "count", "truck", 25.5, 26.5),
    # a relative clause's "which" is the noun it hangs on: the trial lasted three weeks
    ("The trial, which lasted three weeks, ended on Friday.", "three weeks", "measure", "trial", 1723680, 1905120),
    # a duration measures the noun of an event class it modifies, not its unit or the verb
    ("The block, completed after an 18-month build, adds 450 beds.", "18-month", "measure", "build", 46021500, 48651300),
    # "a year" before "earlier" dates a level; it is no rate
    ("Revenue was $3.2 billion, up from $2.7 billion a year earlier.", "$2.7 billion", "money", "", 2.65e9, 2.75e9),
]


def test_a_new_level_after_a_change_belongs_to_the_clause_subject():
    # "to" hung on the number, and the verb's object is the change figure itself
    c = next(c for c in claims("The country's wheat harvest fell 9% this year to 24.5 million tonnes after a dry "
                               "spring.") if c.text == "24.5 million tonnes")
    assert c.subject == "harvest" and "updated" in c.qualifiers


def test_a_measure_right_after_a_verb_of_change_is_the_change():
    c = next(c for c in claims("Valtra shares fell 4.1% in Amsterdam.") if c.text == "4.1%")
    assert "change" in c.qualifiers
    # a count after it counts what the act moved, and is no change
    c = next(c for c in claims("The company is cutting 1,240 jobs.") if c.text == "1,240 jobs")
    assert "change" not in c.qualifiers


def test_a_window_to_count_in_is_no_length_of_the_noun():
    # "the fourth such meeting in nearly two years": not a meeting two years long
    c = next(c for c in claims("It was the fourth such meeting in nearly two years, officials said.")
             if c.text == "nearly two years")
    assert c.subject != "meeting"


def test_a_verb_of_knowing_takes_the_event_of_its_complement():
    # "confirmed dead" counts deaths, as "died" does
    c = next(c for c in claims("The agency said 31 people had been confirmed dead.") if c.text == "31 people")
    assert c.get("predicate") == "dead"


@pytest.mark.parametrize("text,quote,kind,subject,lo,hi", CASES)
def test_extracts(text, quote, kind, subject, lo, hi):
    found = [c for c in claims(text) if c.text == quote]
    assert found, f"no claim {quote!r} in {[c.text for c in claims(text)]}"
    c = found[0]
    assert c.kind == kind
    if subject:
        assert c.subject == subject
    assert c.value.lo == pytest.approx(lo, rel=0.02, abs=0.02)
    assert c.value.hi == pytest.approx(hi, rel=0.02, abs=0.02)
    assert text[c.start : c.end] == c.text


NOT_QUANTITIES = [
    "The summit opened on March 3, 2025.",
    "He was born in 1961.",
    "Flight 370 vanished.",
    "The blast came at 3:40 a.m.",
    "Covid-19 spread fast.",
    "One of the goals was reached.",
    "They won 3-1 on Sunday.",
    "It was the 3rd time.",
    "See No. 3 on the list.",
    "The number " + "1" * 40 + " is long.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    assert [c for c in claims(text) if c.kind in ("count", "measure", "money", "percent")] == []


def test_ages():
    found = claims("Jane Doe, 63, spoke. The 58-year-old Doe left.", "2024-01-01")
    ages = [c for c in found if c.kind == "age"]
    assert [c.get("age") for c in ages] == [63, 58]
    assert all(c.subject == "doe" for c in ages)


def test_a_dimension_word_tagged_an_adverb_still_measures_its_noun():
    # "The new runway, 3,200 metres long": the length is the runway's
    c = next(c for c in claims("The new runway, 3,200 metres long, or about 10,500 feet, is long enough for "
                               "wide-body jets.") if c.text == "3,200 metres")
    assert c.subject == "runway"


def test_a_dimension_set_off_by_commas_measures_its_noun_however_loosely_parsed():
    # "The tunnel, 15 miles long, will ...": the parser joins "long" to "tunnel" as a
    # parataxis, and the length is still the tunnel's
    c = next(c for c in claims("The tunnel, 15 miles long, will be the longest on the national network.")
             if c.text == "15 miles")
    assert c.subject == "tunnel"
    assert c.get("how") == "dimension"


def test_a_fraction_set_on_a_named_thing_is_no_count_answering_an_earlier_one():
    # "put the magnitude at 6.1" follows a toll, but a fraction counts no people; a whole
    # number set by the same verb ("put the number at 500") still answers the toll
    text = ("At least 12 people were killed, the agency said. The seismological institute put the magnitude at "
            "6.1 in a first estimate.")
    c = next(c for c in claims(text) if c.text == "6.1")
    assert "elided" not in c.qualifiers and c.subject != "person"
    assert not checker.check(text).conflicts
    answer = next(c for c in claims("Police said 300 people took part. The group put the number at nearly 500.")
                  if c.text == "nearly 500")
    assert "elided" in answer.qualifiers and answer.subject == "person"


def test_a_count_after_an_opening_of_phrase_is_a_part_however_the_parser_hangs_it():
    # the parser hangs "334" on "municipalities" as if it were their number
    c = next(c for c in claims("Of the state's 497 municipalities, 334 have reported damage.") if c.text == "334")
    assert c.get("how") == "of-opening" and "partitive" in c.qualifiers


def test_a_definite_figure_repeating_a_count_just_given_points_back_to_it():
    # "three arrests ... the three people": the set just counted, not the 300 who gathered
    quiet = ("Police said about 300 people gathered outside the works. Organisers said there had been three "
             "arrests. The three people were held at the police station.")
    assert not [c for c in checker.check(quiet).conflicts if c.rule == "QTY001"]
    # with no count of that value just before, "the 30 people" restates the 300
    loud = ("Police said about 300 people gathered outside the works. Organisers said the protest was peaceful. "
            "The 30 people left at dusk.")
    assert [c.rule for c in checker.check(loud).conflicts if c.rule == "QTY001"] == ["QTY001"]


@pytest.mark.parametrize("text,quote,answering", [
    ("Police, however, estimated that about 90,000 people attended.", "about 90,000 people", True),
    ("But the party said 15,000 patients were waiting for treatment.", "15,000 patients", True),
    ("The union said 15,000 patients were waiting for treatment.", "15,000 patients", False),
    # a "but" inside a clause of its own sets nothing against the sentence before
    ("The union said 15,000 patients were waiting, but few had complained.", "15,000 patients", False),
])
def test_a_sentence_set_against_the_one_before_marks_its_figures(text, quote, answering):
    c = next(c for c in claims(text) if c.text == quote)
    assert c.get("answering") is answering


@pytest.mark.parametrize("text,quote,place", [
    # a place in a clause of its own says where something else happened
    ("Police said about 400 tractors had taken part at its height, parked three abreast at the Porte de "
     "Saint-Malo.", "about 400 tractors", None),
    # in the figure's own clause, or in a noun phrase of it, a place scopes the figure
    ("Shelling hit 12 villages in Sumy on Monday.", "12 villages", "sumy"),
    ("The strike killed 12 people at a market in Kharkiv.", "12 people", "kharkiv"),
    # a clause narrowing the figure's own noun is the figure's ("15,000 tanks (that) arrived in Kursk")
    ("Russia's defence ministry said 15,000 tanks arrived in Kursk.", "15,000 tanks", "kursk"),
    # a place inside another verb's subject says where that subject is
    ("Economists at the British Chambers of Commerce estimated that the 52-day stoppage had held up goods.",
     "52-day", None),
])
def test_a_place_scopes_a_figure_only_from_the_figures_own_clause(text, quote, place):
    c = next(c for c in claims(text) if c.text == quote)
    assert c.place == place


def test_a_bare_count_of_a_holders_members_is_some_of_them():
    """"Four members of the group" are some of "the six members of the group"; two
    definite counts of them are one figure."""
    some = "The six members of the group were arrested. Four members of the group face prison."
    assert not [c for c in checker.check(some).conflicts if c.rule == "QTY001"]
    all_ = "The six members of the group were arrested. The 16 members of the group were charged."
    assert [c.rule for c in checker.check(all_).conflicts] == ["QTY001"]


def test_a_relative_clause_measures_its_antecedent():
    # "the vessel, which is 290 metres long": the length is the vessel's, not "which"'s
    c = next(c for c in claims("The vessel, which is 290 metres long, was towed to Bremerhaven.") if c.text == "290 metres")
    assert c.subject == "vessel"


@pytest.mark.parametrize("text,quote,qualifier,present", [
    # a count in each period is a rate
    ("Aid agencies said the city needs 500 trucks a day.", "500 trucks", "rate", True),
    ("The airline runs 40 flights per week to Lisbon.", "40 flights", "rate", True),
    # a period that dates the figure is no rate
    ("The convoy had 500 trucks a year earlier.", "500 trucks", "rate", False),
    ("Monday's convoy of 24 trucks reached the city.", "24 trucks", "rate", False),
    # "from" before a count of people says whom something came from
    ("Prosecutors said Hale took money from 1,850 investors.", "1,850 investors", "earlier", False),
    # a verb of change makes it the level the change started from
    ("The workforce fell from 1,200 workers to 900.", "1,200 workers", "earlier", True),
    ("Output fell from 2.1m tonnes.", "2.1m tonnes", "earlier", True),
])
def test_what_a_figure_is_besides_a_level(text, quote, qualifier, present):
    c = next(c for c in claims(text) if c.text == quote)
    assert (qualifier in c.qualifiers) == present


def test_a_figure_asked_for_is_not_asserted():
    c = next(c for c in claims("Prosecutors had asked for a fine of $6 million.") if c.text == "$6 million")
    assert "unasserted" in c.qualifiers


@pytest.mark.parametrize("text,first,second,thing", [
    ("Plans to extend the runway to 3,200 metres (about 6,500 feet) were approved.", "3,200 metres",
     "about 6,500 feet", "runway"),
    ("Some 11,100 square kilometres, or about 4,300 square miles, of forest were cleared.",
     "Some 11,100 square kilometres", "about 4,300 square miles", ""),
    ("The canal is 80 km (50 miles) long.", "80 km", "50 miles", None),
])
def test_a_conversion_measures_what_the_figure_it_converts_does(text, first, second, thing):
    found = {c.text: c for c in claims(text)}
    a, b = found[first], found[second]
    assert b.get("converts") == a.start and b.subject == a.subject
    assert thing is None or a.subject == thing


def test_a_bare_or_offers_alternatives_not_a_conversion():
    found = {c.text: c for c in claims("Runners can choose a 10 km or 10-mile course. The pipeline is 1,200 km "
                                       "or about 750 miles long.")}
    assert found["10-mile"].get("converts") is None
    assert found["about 750 miles"].get("converts") == found["1,200 km"].start


def test_pairs_of_dimensions_are_no_conversion_of_one_figure():
    found = {c.text: c for c in claims("The shield, 21 metres by 14 metres (69 feet by 46 feet), keeps it cold.")}
    assert all(c.get("converts") is None for c in found.values())


def test_a_length_of_an_act_is_not_its_subjects():
    # "A former council finance officer was jailed for four years": the duration measures
    # the jailing; "former" and "a" describe who was jailed, not which jailing
    c = next(c for c in claims("A former council finance officer was jailed for four years on Tuesday.")
             if c.text == "four years")
    assert c.subject == "jail"
    assert c.get("modifiers") == () and c.get("instance") == ()
    assert not c.get("definite") and not c.get("indefinite")
    assert c.get("agent") == "officer"


@pytest.mark.parametrize("text,code", [
    # one act has one length: "his 40-month sentence" paragraphs later names it again
    ("A man who punched a taxi driver was jailed for four years.\n\nThe driver spent nine days in hospital.\n\n"
     "He has not worked since.\n\nThe judge said the 40-month sentence reflected his guilty plea.", "DUR001"),
    # "jail" before "term" names the act again and narrows nothing
    ("Kessler was sentenced to six years in prison on Wednesday.\n\nHe will serve half of his four-year jail "
     "term before he can apply for parole.", "DUR001"),
])
def test_a_prison_term_restated_in_other_words(text, code):
    assert code in [f.rule for f in checker.check(text).conflicts]


@pytest.mark.parametrize("text", [
    # a trial's length is no length of the jailing its verdict led to
    "A jury convicted Reeve after a two-week trial in July.\n\nHis friend was jailed for six years on Friday.",
    # two defendants, two terms
    "The owner was jailed for seven years on Friday.\n\nThe manager was jailed for three years and four months.",
])
def test_lengths_of_other_acts_or_people_are_not_compared(text):
    assert "DUR001" not in [f.rule for f in checker.check(text).conflicts]


def test_a_figure_a_noun_had_expected_is_no_count_of_that_noun():
    # "more than the 150,000 economists had forecast": the economists forecast the figure
    c = next(c for c in claims("Employers added 180,000 jobs in March, more than the 150,000 economists had "
                               "forecast.") if c.text.startswith("150,000"))
    assert c.subject == "" and "unasserted" in c.qualifiers


def test_a_count_after_to_a_verb_of_change_is_the_new_level():
    c = next(c for c in claims("The national dairy herd shrank 2% to 1.8 million cows.") if c.text == "1.8 million cows")
    assert "updated" in c.qualifiers


def test_a_factor_beyond_a_thousand_is_no_slip():
    # a misplaced point or a wrong scale word moves a figure by ten, a hundred or a thousand
    from checker.rules.values import likely_cause

    found = {c.text: c for c in claims("The farm milks 180 cows. The farm had 1.8 million cows. It sold 1,800 cows.")}
    assert likely_cause(found["180 cows"], found["1.8 million cows"]) is None
    assert likely_cause(found["180 cows"], found["1,800 cows"]) == "off by a factor of 10"


def test_a_rare_noun_after_of_is_what_a_measure_holds():
    # the tagger calls "cocaine" a verb; the parse hangs it on "tonnes" with "of"
    c = next(c for c in claims("Border officers have seized 3 tonnes of cocaine hidden in a shipment of bananas.")
             if c.text == "3 tonnes")
    assert c.subject == "cocaine"


def test_an_amount_of_a_known_thing_is_a_part_of_it():
    c = next(c for c in claims("About £120m of the programme will be funded by government grants.")
             if c.text == "About £120m")
    assert "partitive" in c.qualifiers


def test_customers_who_lost_power_did_not_die():
    c = next(c for c in claims("About 42,000 customers lost power on Tuesday.") if c.text == "About 42,000 customers")
    assert c.get("predicate") == "lose"


def test_a_measure_before_a_plural_noun_is_each_ones():
    text = ("The 1.2 gigawatt Silver Bank wind farm delivered its first electricity on Wednesday. When all 100 of its "
            "12 megawatt turbines are running, it will power a million homes.")
    assert "QTY002" not in [f.rule for f in checker.check(text).conflicts]


@pytest.mark.parametrize("second,flagged", [("2024-04-03", True), ("2024-05-02", False)])
def test_stories_weeks_apart_give_figures_as_of_their_own_dates(second, flagged):
    docs = [{"id": "march", "text": "First-time buyers paid an average of £171,000, the figures show.",
             "published": "2024-04-03"},
            {"id": "april", "text": "First-time buyers paid an average of £174,000, the figures show.",
             "published": second}]
    assert ("QTY001" in [f.rule for f in checker.check(docs).conflicts]) == flagged


@pytest.mark.parametrize("text,quote,subject", [
    # a rare noun the tagger calls an adverb or an adjective is a noun when a number counts it
    ("The dogs killed two dozen sheep on the farm.", "two dozen sheep", "sheep"),
    ("Mr Pugh put the value of the 30 ewes killed at about £7,500.", "30 ewes", "ewe"),
])
def test_a_counted_word_is_a_noun(text, quote, subject):
    c = next(c for c in claims(text) if c.text == quote)
    assert c.subject == subject


@pytest.mark.parametrize("text,flagged", [
    # a noun that names an amount ("haul", "catch") weighs what the story weighs: weakly,
    # so a slip between the two is flagged ...
    ("Police seized 740 kilograms of cocaine at the port on Monday.\n\nThe 470-kilogram haul was the largest "
     "this year.", True),
    # ... and a plain difference is not: the catch may be one boat's of several
    ("The fleet landed 1,500 tonnes of mackerel on Monday.\n\nThe trawler's 2,000-tonne catch was sold at "
     "auction.", False),
    # a thing of its own ("cargo" is goods) is no amount of what the story weighs
    ("The tanker carried 80,000 tonnes of crude.\n\nIts 8,000-tonne cargo of grain was unloaded.", False),
])
def test_a_noun_that_names_an_amount_measures_the_storys_substance(text, flagged):
    assert ("QTY001" in [f.rule for f in checker.check(text).conflicts]) is flagged


@pytest.mark.parametrize("text,quote,present", [
    # a figure that is the subject of a verb of change is what moved, not how far
    ("The Met Office said 112mm of rain fell in 24 hours at Capel Curig.", "112mm", False),
    ("Nearly 40cm of snow fell overnight in the Alps.", "Nearly 40cm", False),
    # the figure after the verb still measures the move
    ("Rainfall fell 12% in March.", "12%", True),
])
def test_a_figure_that_is_the_subject_of_a_verb_of_change_is_no_change(text, quote, present):
    c = next(c for c in claims(text) if c.text == quote)
    assert ("change" in c.qualifiers) == present


def test_a_light_noun_whose_of_names_the_figure_itself_stays_the_subject():
    # "a total of 210mm": the "of" is the figure, no thing it counts or measures
    cs = claims("The 24-hour total of 210mm at the station beat the previous record.")
    assert next(c for c in cs if c.text == "210mm").subject == "total"
    assert next(c for c in cs if c.text == "24-hour").subject == "total"
    # "the number of Ukrainians freed since 2022": the of-phrase is what is counted
    cs = claims("The swap brought to 2,310 the number of Ukrainians freed since February 2022.")
    assert next(c for c in cs if c.text.startswith("2,310")).subject == "ukrainians"


def test_a_light_noun_of_an_unsaid_thing_names_an_amount_of_what_the_story_measures():
    text = ("A new record was set at the station, where 120mm of rain fell in the 24 hours to 07:00.\n\n"
            "The 24-hour total of 210mm at the station beat the previous record, the institute said.")
    found = [c for c in checker.check(text).conflicts if c.rule == "QTY001"]
    assert [[x.text for x in c.claims] for c in found] == [["120mm", "210mm"]]
    assert found[0].severity == checker.Severity.WARNING


def _two_stories(first, second):
    return checker.check([{"id": "release", "text": first}, {"id": "story", "text": second}]).conflicts


@pytest.mark.parametrize("first,second,flagged", [
    # each story sizes one made thing once: one thing's size told twice
    ("Engineers will bore a 12-mile tunnel under the ridge next spring.",
     "The tunnel, 15 miles long, will be the longest on the network.", True),
    ("The 1.2-tonne satellite was built in Stevenage.",
     "The spacecraft, weighing 950 kg, left the factory yesterday.", True),
    ("At 03:40 the 330-metre container ship ran aground six nautical miles off Helgoland.",
     "The vessel, which is 290 metres long, was towed to Bremerhaven.", True),
    # a story that sizes two things of the kind says which is which; the pair is not one thing
    ("The 330-metre container ship ran aground beside a 200-metre tanker.",
     "The vessel, which is 290 metres long, was towed to Bremerhaven.", False),
    # what a thing carries or is moved by is no size of it
    ("The tanker, carrying 90,000 tonnes of crude, ran aground.",
     "The tanker's 80,000-tonne cargo was pumped off.", False),
    # a distance from a place is no size of the thing
    ("The ship ran aground six nautical miles off Helgoland.",
     "The ship, which is 290 metres long, was towed to port.", False),
])
def test_the_one_size_each_story_gives_a_made_thing(first, second, flagged):
    found = [c for c in _two_stories(first, second) if c.rule == "QTY001"]
    assert bool(found) == flagged, [c.message for c in found]
    if flagged:
        assert found[0].severity == checker.Severity.WARNING
        assert "the only" in found[0].message


@pytest.mark.parametrize("text,quote,subject", [
    # "all N of them": the whole set "them" took up, counted again
    ("Nordtel said affected customers would be contacted directly. It has begun writing to all 340,000 of them "
     "by email.", "340,000", "customer"),
    # "N of them" without "all" is a part of a breakdown, left as it was
    ("Jersey won 31 medals at the games, 12 of them gold, 11 silver and 10 bronze.", "12 of them", "them"),
])
def test_all_of_them_counts_what_them_took_up(text, quote, subject):
    c = next(c for c in claims(text) if c.text == quote)
    assert c.subject == subject
