"""Police, internal security and organised crime (sec13-sec16): facts a reader looks up, read back from the built graph."""

from __future__ import annotations

from kazcrime.vocab import KZ, KZC, KZG, KZS, KZV, PREFIXES

PREFIX = f"""
PREFIX kz: <{KZ}>
PREFIX kzc: <{KZC}>
PREFIX kzv: <{KZV}>
PREFIX kzs: <{KZS}>
PREFIX rdf: <{PREFIXES['rdf']}>
PREFIX prov: <{PREFIXES['prov']}>
"""
SOURCE = KZG + "source/"


def _rows(store, query: str) -> list[dict[str, str]]:
    results = store.query(PREFIX + query)
    names = [v.value for v in results.variables]
    return [{name: row[name].value for name in names if row[name] is not None} for row in results]


def _asserted_in(store, s: str, p: str, o: str) -> set[str]:
    """The source graphs (by source ID) that assert the triple kz:s kzc:p kz:o."""
    rows = _rows(store, f"SELECT ?g WHERE {{ GRAPH ?g {{ kz:{s} kzc:{p} kz:{o} }} FILTER(STRSTARTS(STR(?g), '{SOURCE}')) }}")
    return {r["g"][len(SOURCE):] for r in rows}


def test_the_document_disagrees_on_which_ministry_runs_the_prisons(store):
    rows = _rows(store, """
        SELECT ?a ?b ?srcA ?srcB WHERE {
          GRAPH ?g1 { ?a kzc:conflictsWith ?b ; kzc:about kz:kazakh-prison-system, kz:ministry-of-internal-affairs }
          GRAPH ?g2 { ?b kzc:about kz:kazakh-prison-system, kz:ministry-of-justice }
          GRAPH <PROVENANCE> { ?a prov:wasDerivedFrom ?srcA . ?b prov:wasDerivedFrom ?srcB }
        }""".replace("PROVENANCE", KZG + "provenance"))
    assert rows, "no pair of conflicting claims about who runs the prisons"
    pairs = {(r["srcA"][len(KZS):], r["srcB"][len(KZS):]) for r in rows}
    assert ("kazakhstan-crime", "loc-1996") in pairs
    # and each side's structural statement lives in its own source graph
    assert _asserted_in(store, "ministry-of-internal-affairs", "supervises", "kazakh-prison-system") == {"kazakhstan-crime"}
    assert _asserted_in(store, "ministry-of-justice", "supervises", "kazakh-prison-system") == {"loc-1996"}
    assert _asserted_in(store, "ministry-of-justice", "supervises", "national-police") == {"loc-1996"}


def test_security_agencies_report_directly_to_the_president(store):
    for agency in ("national-security-committee", "syrbar", "agency-civil-service-anti-corruption"):
        assert _asserted_in(store, agency, "reportsTo", "president-of-kazakhstan") == {"state-hrr-2014"}, agency


def test_financial_police_answer_to_the_prime_minister_and_investigate_money_laundering(store):
    assert _asserted_in(store, "financial-police-agency", "reportsTo", "prime-minister-of-kazakhstan") == {"loc-2006"}
    assert store.query(PREFIX + "ASK { GRAPH ?g { kz:financial-police-agency kzc:responsibleFor kzv:financial-crime-investigation } }")


def test_national_security_committee_succeeds_the_kgb_and_its_kazakh_branch(store):
    assert _asserted_in(store, "national-security-committee", "successorOf", "kgb") == {"loc-1996"}
    assert _asserted_in(store, "national-security-committee", "successorOf", "kgb-kazakh-branch") == {"loc-1996"}
    assert _asserted_in(store, "kgb-kazakh-branch", "subOrganizationOf", "kgb") == {"loc-1996"}


def test_kazakhstan_joined_interpol_in_1992(store):
    rows = _rows(store, f"""
        SELECT ?date WHERE {{
          GRAPH <{KZG}provenance> {{ ?f rdf:subject kz:kazakhstan ; rdf:predicate kzc:memberOf ; rdf:object kz:interpol }}
          GRAPH ?g {{ ?f kzc:date ?date }}
        }}""")
    assert [r["date"] for r in rows] == ["1992"]


def test_investigation_passed_from_the_procurator_general_to_the_interior_ministry_in_1995(store):
    assert store.query(PREFIX + f"""ASK {{
        GRAPH <{KZG}entities> {{ kz:procurator-general-investigation-removed-1995 a kzc:InstitutionalChange }}
        GRAPH <{SOURCE}loc-1996> {{
          kz:procurator-general-investigation-removed-1995 kzc:date "1995"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
              kzc:target kz:procurator-general-office ; kzc:law kz:constitution-1995 .
          kz:procurator-general-office kzc:formerlyResponsibleFor kzv:crime-investigation .
          kz:ministry-of-internal-affairs kzc:responsibleFor kzv:crime-investigation .
          kz:investigation-shifted-to-interior-ministry kzc:cause kz:procurator-general-investigation-removed-1995 }} }}""")


def test_police_strength_and_corruption_complaints_in_2005(store):
    rows = _rows(store, """
        SELECT ?obs ?value ?q WHERE { GRAPH ?g {
          ?obs kzc:measure ?m ; kzc:value ?value ; kzc:refPeriod "2005"^^<http://www.w3.org/2001/XMLSchema#gYear>
          OPTIONAL { ?obs kzc:qualifier ?q } }
          VALUES ?m { kzv:police-strength kzv:police-corruption-complaints } }""")
    got = {r["obs"][len(KZ):]: (float(r["value"]), r.get("q", "").rsplit("/", 1)[-1]) for r in rows}
    assert got["police-strength-2005"] == (20000.0, "")
    assert got["police-corruption-complaints-2005"] == (2000.0, "more-than")


def test_kozlas_denial_conflicts_with_reports_of_collusion(store):
    rows = _rows(store, """
        SELECT ?other WHERE { GRAPH ?g {
          kz:kozla-no-criminal-state-entanglement kzc:claimant kz:valeriy-kozla ; kzc:stance kzv:denies ;
                                                  kzc:conflictsWith ?other } }""")
    others = {r["other"][len(KZ):] for r in rows}
    assert {"berdikeeva-connected-figures-at-large", "berdikeeva-police-drug-collusion"} <= others


def test_police_abuses_are_allegations_with_a_named_reporter_never_convictions(store):
    rows = _rows(store, """
        SELECT ?e ?agent WHERE {
          VALUES ?e { kz:police-brutality-reports kz:police-harassment-of-opposition kz:police-drug-trafficker-collusion-reports }
          GRAPH ?ge { ?e a kzc:Accusation }
          OPTIONAL { GRAPH ?g { ?e kzc:agent ?agent } } }""")
    agents = {r["e"][len(KZ):]: r.get("agent", "")[len(KZ):] for r in rows}
    assert agents == {
        "police-brutality-reports": "police-brutality-rights-groups",
        "police-harassment-of-opposition": "library-of-congress",
        "police-drug-trafficker-collusion-reports": "",  # the text does not say who reported the cases
    }
    assert not store.query(PREFIX + "ASK { GRAPH ?g { ?c a kzc:Conviction ; kzc:target kz:national-police } }")


def test_the_analyst_doubts_the_extremism_threat(store):
    assert store.query(PREFIX + f"""ASK {{ GRAPH <{SOURCE}berdikeeva-2009> {{
        kz:berdikeeva-extremism-threat-inflated kzc:claimant kz:saltanat-berdikeeva ; kzc:stance kzv:doubts ;
            kzc:about kzv:extremism ; kzc:conflictsWith kz:central-asian-states-extremism-nexus-view }} }}""")


def test_no_remit_or_structure_inferred_beyond_the_text(store):
    # the text names the anti-corruption agency's investigative powers, not a remit; it never places the traffic police
    assert not store.query(PREFIX + "ASK { GRAPH ?g { kz:agency-civil-service-anti-corruption kzc:responsibleFor kzv:anti-corruption } }")
    assert not store.query(PREFIX + "ASK { GRAPH ?g { kz:kazakh-traffic-police kzc:subOrganizationOf ?body } }")
    # the Almaty directorate fights organised crime, not economic crime in general
    assert store.query(PREFIX + "ASK { GRAPH ?g { kz:almaty-organised-crime-directorate kzc:responsibleFor kzv:organised-crime-policing } }")
    assert not store.query(PREFIX + "ASK { GRAPH ?g { kz:almaty-organised-crime-directorate kzc:responsibleFor kzv:economic-crime-policing } }")
