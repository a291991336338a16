"""Prisons (sec18, sec19): figures keep their years and reporters, and who runs or watches what is queryable.

These tests read the committed graph (``graph/kazcrime.nq``), built from ``graph/facts/prisons.yaml``.
"""

from __future__ import annotations

from graphquery import ask as _ask, rows as _rows
from kazcrime.vocab import KZ, KZV


def _figures(store, measure):
    """(value, period or None, reporter IRI or None) of every figure with this measure, from any graph."""
    rows = _rows(store, f"""
        SELECT ?v ?period ?who WHERE {{
          GRAPH ?g {{ ?o kzc:measure kzv:{measure} ; kzc:value ?v }}
          OPTIONAL {{ GRAPH ?g2 {{ ?o kzc:refPeriod ?period }} }}
          OPTIONAL {{ GRAPH ?g3 {{ ?c kzc:claimedValue ?o ; kzc:claimant ?who }} }}
        }}""")
    return {(float(r["v"].value), r["period"].value if r["period"] else None, r["who"].value if r["who"] else None) for r in rows}


def test_prison_population_figures_keep_their_years_and_sources(store):
    rows = _rows(store, """
        SELECT ?v ?period ?g WHERE { GRAPH ?g { ?o kzc:measure kzv:prison-population ; kzc:value ?v ; kzc:refPeriod ?period } }""")
    found = {(float(r["v"].value), r["period"].value, r["g"].value.rsplit("/", 1)[-1]) for r in rows}
    assert (76000.0, "1996", "loc-1996") in found
    assert (42114.0, "2014", "state-hrr-2014") in found


def test_custody_death_figures_keep_their_reporters_government_versus_pri(store):
    deaths = _figures(store, "deaths-in-custody")
    assert (39.0, "2012", KZ + "government-of-kazakhstan") in deaths
    # PRI's prison counts: the text ties no year to them
    assert (220.0, None, KZ + "penal-reform-international") in deaths
    assert (59.0, None, KZ + "penal-reform-international") in deaths
    assert (14.0, "2011", KZ + "government-of-kazakhstan") in _figures(store, "suicides-in-custody")


def test_tuberculosis_deaths_span_the_1990s_and_the_first_eight_months_of_2013(store):
    tb = _figures(store, "tb-deaths-in-prison")
    # the 1995 count is the 1996 study's own, cited as backing its verdict on prison health
    assert (1300.0, "1995", KZ + "library-of-congress") in tb
    assert (37.0, "2013-01", KZ + "penal-reform-international") in tb
    assert _ask(store, "ASK { GRAPH ?g { kz:prison-tb-deaths-2013-pri kzc:periodEnd ?end FILTER(STR(?end) = '2013-08') } }")
    rows = _rows(store, "SELECT ?q WHERE { GRAPH ?g { kz:prison-tb-deaths-1995 kzc:qualifier ?q } }")
    assert [r["q"].value for r in rows] == [KZV + "approximately"]


def test_interior_ministry_reports_staff_shortage_and_procurator_reports_alternative_punishments(store):
    # neither figure is dated in the text (review R4): reporter kept, no refPeriod
    assert _figures(store, "medical-staff-shortage") == {(50.0, None, KZ + "ministry-of-internal-affairs")}
    assert _figures(store, "prisoners-alternative-punishment") == {(14250.0, None, KZ + "procurator-general-office")}
    # the 1996 funding figure is an upper bound, stated in the ministry's report
    funding = _figures(store, "prison-funding-share")
    assert (50.0, "1996", KZ + "ministry-of-internal-affairs") in funding
    assert _ask(store, "ASK { GRAPH ?g { kz:prison-funding-share-1996 kzc:qualifier kzv:less-than } }")
    assert _ask(store, """ASK { GRAPH kzg:entities { kz:mvd-prison-report-1996 a kzc:Report }
                               GRAPH ?g { kz:mvd-prison-report-1996 kzc:publishedBy kz:ministry-of-internal-affairs } }""")


def test_the_interior_ministry_ran_the_late_soviet_camps_prisons_and_hospitals(store):
    rows = _rows(store, """
        SELECT ?f ?m ?n WHERE {
          GRAPH ?g { kz:ministry-of-internal-affairs kzc:supervises ?f }
          GRAPH ?g2 { ?o kzc:breakdown ?f ; kzc:measure ?m ; kzc:value ?n }
          FILTER(STRSTARTS(STR(?f), STR(kz:late-soviet-))) }""")
    counts = {r["m"].value.rsplit("/", 1)[-1]: float(r["n"].value) for r in rows}
    assert counts == {"labour-camps": 89.0, "prisons": 10.0, "psychiatric-hospitals": 3.0}


def test_special_prisons_for_women_and_children_are_a_lower_bound_at_three_sites(store):
    rows = _rows(store, "SELECT ?p WHERE { GRAPH ?g { kz:special-prisons-women-children kzc:locatedIn ?p } }")
    assert {r["p"].value for r in rows} >= {KZ + "pavlodar", KZ + "zhambyl", KZ + "chamalghan"}
    rows = _rows(store, """SELECT ?v ?q WHERE { GRAPH ?g { kz:special-prisons-women-children-count kzc:value ?v ;
                                                         kzc:qualifier ?q } }""")
    assert {(float(r["v"].value), r["q"].value) for r in rows} == {(4.0, KZV + "at-least")}


def test_katrenova_headed_the_sanitary_committee_of_the_health_ministry_in_2012(store):
    assert _ask(store, """ASK {
        GRAPH ?g { kz:aigul-katrenova kzc:holdsPost ?post }
        GRAPH ?g2 { ?post kzc:postIn kz:sanitary-epidemiology-committee }
        GRAPH ?g3 { kz:sanitary-epidemiology-committee kzc:subOrganizationOf kz:ministry-of-health }
        GRAPH ?g4 { ?c kzc:claimant kz:aigul-katrenova ; kzc:date ?d FILTER(STR(?d) = '2012') } }""")
    # the relation's date qualifies its fact record: the triple is reified in the provenance graph
    assert _ask(store, """ASK {
        GRAPH kzg:provenance { ?f <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> kz:aigul-katrenova ;
                                  <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> kzc:holdsPost }
        GRAPH ?g { ?f kzc:date ?d FILTER(STR(?d) = '2012') } }""")


def test_reported_prison_abuses_are_claims_with_their_claimants_not_bare_facts(store):
    rows = _rows(store, """
        SELECT ?c ?who ?stance WHERE { GRAPH kzg:entities { ?c a kzc:Claim }
                                      GRAPH ?g { ?c kzc:claimant ?who ; kzc:stance ?stance } }""")
    claims = {r["c"].value.rsplit("/", 1)[-1]: (r["who"].value, r["stance"].value) for r in rows}
    assert claims["aids-from-shared-needles"] == (KZ + "prisoners-with-aids", KZV + "asserts")
    assert claims["administrators-interfere-with-religion"][0] == KZ + "prison-observers"
    assert claims["observers-visitor-access"][0] == KZ + "prison-observers"
    assert claims["hr-orgs-criticise-prison-system"][0] == KZ + "human-rights-organizations"
    assert _ask(store, "ASK { GRAPH ?g { kz:administrators-interfere-with-religion kzc:allegedly true } }")


def test_undated_figures_of_the_2014_report_carry_no_year(store):
    # the text dates the 42,114 prisoners (end of 2014) but not these; the report year must not be put on them
    for measure, value in [("share-imprisonment", 36.7), ("released-on-bail", 3700.0), ("hiv-cases-at-admission", 447.0),
                           ("tb-cases-at-admission", 400.0), ("other-diagnoses-at-admission", 1400.0)]:
        assert {(v, p) for v, p, _ in _figures(store, measure)} == {(value, None)}, measure
    assert (42114.0, "2014") in {(v, p) for v, p, _ in _figures(store, "prison-population")}


def test_self_mutilation_cases_are_reported_not_established(store):
    assert (340.0, "2012", None) in _figures(store, "self-mutilation-cases")
    assert _ask(store, "ASK { GRAPH ?g { kz:prison-self-mutilation-protests-2012 kzc:allegedly true } }")
