"""Derive the engine's table of places and their time zones from the tz database.

    python -m checker.data.zones.derive [TZDIR]

TZDIR is a tz database's directory with `zone.tab` and `iso3166.tab` (the `tzdata`
package's, or /usr/share/zoneinfo). Writes places.tsv beside this script: every
country the database names, with the zones it lists for it, and every city a zone is
named after ("Europe/Istanbul" -> "istanbul"). The engine reads it to know where a time
printed as "local time" was (the dateline's city, a country in the sentence); the offset
on a given day comes from the tz database through zoneinfo. The tz database is in the
public domain.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent / "places.tsv"


def _tzdir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    try:
        import tzdata  # the PyPI copy of the database, when installed

        return Path(tzdata.__file__).resolve().parent / "zoneinfo"
    except ImportError:
        return Path("/usr/share/zoneinfo")


def _names(country: str, shared: bool) -> list[str]:
    """"Britain (UK)" -> "britain", "uk"; "Korea (South)" -> "south korea"; "Samoa
    (American)" and "Virgin Islands (UK)", whose plain name two countries share, or whose
    parenthesis is an adjective, only by the plain name."""
    from checker import lexical

    name, _, paren = country.partition(" (")
    paren = paren.rstrip(")")
    out = [name]
    if paren in ("South", "North"):
        out = [f"{paren} {name}"]
    elif paren and not shared and paren[0].isupper() and "." not in paren and " " not in paren \
            and not lexical.known(paren.lower(), "a"):
        out.append(paren)
    if name.startswith("United "):
        out.append(f"the {name}")
    return [n.lower().replace("&", "and") for n in out]


def _a_place(name: str) -> bool:
    """A city name that is no other word first: "Christmas", "Easter", "Reunion", "Wake",
    "Resolute", "Oral" are islands and towns the tz database names, and in copy a holiday,
    an event or an adjective before that."""
    from checker import lexical

    if any(lexical.known(name, pos) for pos in "avr"):
        return False
    return not lexical.noun_domains(name, senses=1) & {"time", "event", "phenomenon", "feeling"}


def main(argv: list[str]) -> None:
    tzdir = _tzdir(argv[1] if len(argv) > 1 else None)
    countries: dict[str, str] = {}
    for line in (tzdir / "iso3166.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            countries[code] = name
    plain = [n.partition(" (")[0] for n in countries.values()]
    places: dict[str, set[str]] = defaultdict(set)
    for line in (tzdir / "zone.tab").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, _coords, zone = line.split("\t")[:3]
        for name in _names(countries[code], plain.count(countries[code].partition(" (")[0]) > 1):
            places[name].add(zone)
        # a city a zone is named after, where the name is a city's: "Europe/Istanbul", not
        # "America/North_Dakota/Center" or Antarctica's stations ("Casey", "Davis")
        parts = zone.split("/")
        city = parts[-1].replace("_", " ").lower()
        if len(parts) == 2 and parts[0] != "Antarctica" and _a_place(city):
            places[city].add(zone)
    from anyascii import anyascii

    # keys folded as checker/zones.py folds what it looks up: "côte d'ivoire" -> "cote d'ivoire"
    folded: dict[str, set[str]] = defaultdict(set)
    for p, z in places.items():
        folded[anyascii(p).lower()] |= z
    rows = [f"{p}\t{','.join(sorted(z))}" for p, z in sorted(folded.items())]
    OUT.write_text("# Derived by checker/data/zones/derive.py from the tz database's zone.tab and iso3166.tab\n"
                   "# (public domain). place<TAB>zones\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows):,} places written to {OUT}")


if __name__ == "__main__":
    main(sys.argv)
