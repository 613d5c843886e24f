"""Where a time printed as "local time" was, and that place's offset from UTC on a day.

Places and their zones come from the tz database (checker/data/zones/places.tsv, derived
by checker/data/zones/derive.py); the offset on a day, with its summer time, from the same
database through zoneinfo. A place is known only when every zone it names has one offset
that day ("Brazil" spans four, "Sao Paulo" one): a guess is no offset.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from anyascii import anyascii


@cache
def _places() -> dict[str, tuple[str, ...]]:
    text = resources.files("checker.data.zones").joinpath("places.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            place, zones = line.split("\t")
            out[place] = tuple(zones.split(","))
    return out


def fold(name: str) -> str:
    """"São Paulo" -> "sao paulo", "the Philippines" -> "philippines"."""
    s = anyascii(name).lower().strip()
    s = re.sub(r"\s+", " ", s)
    return s[4:] if s.startswith("the ") and s[4:] in _places() else s


def zones_of(name: str) -> tuple[str, ...]:
    return _places().get(fold(name), ())


def known_place(name: str) -> bool:
    return bool(zones_of(name))


@cache
def offset_on(zone: str, day: int) -> int | None:
    """Minutes east of UTC of a tz database zone at noon UTC on a day (an ordinal)."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if not 1 <= day <= dt.date.max.toordinal():
        return None
    d = dt.date.fromordinal(day)
    off = dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC).astimezone(tz).utcoffset()
    return None if off is None else int(off.total_seconds() // 60)


def utc_offset(name: str, day: int) -> tuple[int, int] | None:
    """The place's offset from UTC in minutes on a day (an ordinal), as (lowest, highest);
    None when the place is unknown or its zones disagree."""
    zones = zones_of(name)
    if not zones:
        return None
    offs = {offset_on(z, day) for z in zones}
    if len(offs) != 1 or None in offs:
        return None  # "Brazil", "the United States": several clocks at once
    off = offs.pop()
    assert off is not None
    return off, off


# A wire dateline's place: "ISTANBUL, March 3 (Reuters) -", "SAO PAULO —", "MANILA (AP) --".
_DATELINE_PLACE = re.compile(r"^\s*(?P<p>[A-Z][A-Z .'’-]{1,40}?[A-Z])\s*(?:,|\(|[-–—])")


def dateline_place(text: str) -> str | None:
    m = _DATELINE_PLACE.match(text[:80])
    if m is None or not known_place(m.group("p")):
        return None
    return fold(m.group("p"))


def dateline_end(text: str) -> int:
    """Where a dateline's place ends (0 without one): the place there is the dateline's,
    not one the text names."""
    m = _DATELINE_PLACE.match(text[:80])
    return m.end("p") if m is not None else 0
