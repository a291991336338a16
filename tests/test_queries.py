"""Saved queries (``queries/*.rq``) give the answers the document gives.

Every saved query is run on the committed graph (the ``store`` fixture) and its answer is pinned to what the
report states: the drug-crime peak of 23,340 in 2000, the 29 against 20 crisis centres, the embezzlement
accusation marked as an allegation, and so on. Where a query checks the document's own arithmetic, the test
pins both numbers and the verdict. A check that every query is named in some test
(``test_every_saved_query_is_pinned_by_a_test``) keeps new queries from going untested.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kazcrime.queries import run_query, saved_queries

SAVED = saved_queries()
#: How allegations-and-convictions labels an accusation or a charge.
ALLEGATION = "allegation: accused or charged, no finding of guilt"
SOURCE = "https://w3id.org/kazcrime/source/"


@pytest.fixture(scope="module")
def answer(store):
    """answer(name) -> the saved query's rows as dicts of plain strings (None when unbound), cached."""
    cache: dict[str, list[dict[str, str | None]]] = {}

    def run(name: str) -> list[dict[str, str | None]]:
        if name not in cache:
            result = run_query(store, SAVED[name].text)
            names = [v.value for v in result.variables]
            cache[name] = [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]
        return cache[name]

    return run


def where(rows, **match):
    """The rows whose columns equal every given value."""
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


def one(rows, **match):
    found = where(rows, **match)
    assert len(found) == 1, f"expected one row with {match}, found {len(found)}"
    return found[0]


def listed(cell: str | None, separator: str = ", ") -> set[str]:
    return set(cell.split(separator)) if cell else set()


def num(cell: str | None) -> float:
    assert cell is not None
    return float(cell)


# --- every query: pinned here, and answers ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SAVED))
def test_every_saved_query_is_pinned_by_a_test(name):
    # pinned here, or (for queries that belong to another module, such as external links) in its own test file
    tests = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("test_*.py"))]
    quoted = (f'"{name}"', f"'{name}'")
    assert any(q in text for q in quoted for text in tests), f"add a test pinning the answer of {name}.rq"


@pytest.mark.parametrize("name", sorted(SAVED))
def test_every_saved_query_returns_rows(answer, name):
    assert answer(name), f"{name}.rq returns no rows on the committed graph"


# --- drug crime (sec04, UNODC) -------------------------------------------------------------------------


def test_drug_crime_peaks_at_23340_in_2000(answer):
    assert answer("drug-crime-peak") == [{"year": "2000", "crimes": "23340"}]


@pytest.mark.parametrize("year,crimes,offenders", [("1990", "4165", "2656"), ("1997", "14817", "10914"),
                                                   ("2000", "23340", "19883"), ("2006", "10423", "7322")])
def test_drug_crime_series_holds_each_year_1990_to_2006(answer, year, crimes, offenders):
    rows = answer("drug-crime-series")
    assert [r["year"] for r in rows] == [str(y) for y in range(1990, 2007)]
    assert one(rows, year=year) == {"year": year, "crimes": crimes, "offenders": offenders}


@pytest.mark.parametrize("year,change", [("1991", 19.7), ("1997", -13.2), ("2001", -25.5), ("2006", 7.0)])
def test_drug_crime_year_on_year_change(answer, year, change):
    rows = answer("drug-crime-year-on-year")
    assert len(rows) == 16
    assert num(one(rows, year=year)["changePercent"]) == change


def test_drug_crimes_by_type_2005_to_2006(answer):
    rows = {r["type"]: r for r in answer("drug-crimes-by-type")}
    selling = rows["drug distribution (intent to sell)"]
    assert (selling["in2005"], selling["in2006"]) == ("4330", "4678")
    assert rows["drug cultivation"]["change"] == "-4"
    # storage is given for 2005 only
    assert rows["drug storage"]["in2005"] == "1642" and rows["drug storage"]["in2006"] is None


def test_drug_offenders_per_crime(answer):
    rows = answer("drug-offenders-per-crime")
    assert num(one(rows, year="1990")["offendersPerCrime"]) == 0.638
    assert num(one(rows, year="2006")["offendersPerCrime"]) == 0.702


@pytest.mark.parametrize("stated,computed,changes", [("20", "19.6", "10"), ("-16", "-15.5", "5"), ("7", "7", "1")])
def test_stated_drug_crime_rates_agree_with_the_series(answer, stated, computed, changes):
    row = one(answer("drug-crime-stated-rates-check"), stated=stated)
    assert (num(row["computed"]), row["changes"], row["agrees"]) == (float(computed), changes, "true")
    assert abs(num(row["difference"])) <= 1


def test_kazakhstan_drug_crime_rate_is_66_percent_above_the_regional_41(answer):
    row = one(answer("rate-above-regional-average-check"), place="Kazakhstan")
    assert (row["year"], row["rate"], row["region"], row["regionalRate"]) == ("2006", "68", "Central Asia", "41")
    assert (row["statedExcess"], num(row["computedExcess"]), row["agrees"]) == ("66", 65.9, "true")


@pytest.mark.parametrize("year,stated", [("1990", "4165"), ("2000", "23340"), ("2006", "10423"), ("2006", "7322"),
                                         ("2006", "4678"), ("2006", "437")])
def test_restated_drug_figures_match_the_series(answer, year, stated):
    row = where(answer("restated-figures-check"), year=year, stated=stated)[0]
    assert (row["inSeries"], row["agrees"]) == (stated, "true")


def test_no_restated_drug_figure_disagrees_with_the_series(answer):
    assert {r["agrees"] for r in answer("restated-figures-check")} == {"true"}


def test_drug_crime_kinds_against_the_7_percent_rise_of_2006(answer):
    rows = {r["kind"]: r for r in answer("drug-crime-types-vs-total")}
    assert "drug storage" not in rows  # no 2006 figure
    selling = rows["drug distribution (intent to sell)"]
    assert (selling["change"], num(selling["changePercent"]), selling["outpacedTotal"]) == ("348", 8.0, "true")
    assert (rows["drug cultivation"]["change"], rows["drug cultivation"]["outpacedTotal"]) == ("-4", "false")
    assert {(num(r["totalChangePercent"]), r["statedTotalChangePercent"]) for r in rows.values()} == {(7.0, "7")}


def test_regions_with_most_drug_crime_in_2006(answer):
    rows = answer("drug-crime-regions-2006")
    assert [(r["place"], r["crimes"], r["rankByCrimes"], r["rankByDrugUsers"]) for r in rows] == [
        ("Almaty", "1446", "1", "1"),
        ("Karaganda Region", "1279", "2", "2"),
        ("East Kazakhstan Region", "887", "3", "4"),
    ]
    assert [num(r["sharePercent"]) for r in rows] == [13.9, 12.3, 8.5]


# --- trafficking (sec06, State Department TIP 2015) -----------------------------------------------------


def test_kazakhstani_women_are_trafficked_for_sex_to_seven_countries(answer):
    rows = where(answer("trafficking-destinations-by-exploitation"), exploitation="sex trafficking")
    from_kazakhstan = {r["destination"] for r in rows if r["origins"] == "Kazakhstan"}
    assert from_kazakhstan == {"United Arab Emirates", "Russia", "Uzbekistan", "Cyprus", "Luxembourg", "Sweden",
                               "Turkey"}


def test_forced_labour_destinations_abroad_and_at_home(answer):
    rows = where(answer("trafficking-destinations-by-exploitation"), exploitation="forced labour")
    destinations = {r["destination"] for r in rows}
    assert {"Russia", "South Korea", "Astana", "Almaty", "Aktau", "Atyrau", "Almaty Region"} <= destinations
    assert one(rows, destination="South Korea")["origins"] == "Kazakhstan"
    into = one(rows, destination="Kazakhstan")
    assert {"Uzbekistan", "Kyrgyzstan", "Tajikistan", "Russia", "Philippines"} <= listed(into["origins"])


def test_origin_countries_of_people_trafficked_into_kazakhstan(answer):
    rows = {r["origin"]: r for r in answer("trafficking-origins-into-kazakhstan")}
    assert set(rows) == {"Uzbekistan", "Kyrgyzstan", "Tajikistan", "Russia", "Moldova", "Ukraine", "Philippines"}
    assert listed(rows["Moldova"]["exploitations"]) == {"sex trafficking"}
    assert listed(rows["Moldova"]["victimGroups"]) == {"women", "girls"}
    assert listed(rows["Philippines"]["exploitations"]) == {"forced labour"}
    assert listed(rows["Philippines"]["victimGroups"]) == {"men", "children"}
    # Kyrgyz migrants' children in Almaty Region's cotton fields count as trafficked into Kazakhstan
    assert "Almaty Region" in listed(rows["Kyrgyzstan"]["destinations"])


def test_victim_groups_per_flow(answer):
    rows = answer("trafficking-victim-groups")
    cotton = one(rows, flow="https://w3id.org/kazcrime/id/child-labour-kyrgyz-migrants-almaty-cotton")
    assert (cotton["victimGroups"], cotton["origins"], cotton["destinations"], cotton["sectors"]) == (
        "children of migrant workers", "Kyrgyzstan", "Almaty Region", "cotton fields")
    korea = one(rows, flow="https://w3id.org/kazcrime/id/forced-labour-kz-nationals-to-south-korea")
    assert listed(korea["victimGroups"]) == {"men", "women", "children"}
    # the report says children "may be" coerced into crime and pornography: alleged, not established
    assert one(rows, flow="https://w3id.org/kazcrime/id/child-pornography-kazakhstan")["alleged"] == "true"
    assert one(rows, flow="https://w3id.org/kazcrime/id/forced-begging-children-kazakhstan")["alleged"] == "false"
    assert {r["source"] for r in rows} == {"state-tip-2015"}


# --- cases, people, allegations --------------------------------------------------------------------------


@pytest.mark.parametrize("case,who,link,allegation", [
    ("BTA Bank case", "Mukhtar Ablyazov", "target of accusation", "true"),
    ("BTA Bank case", "Mukhtar Ablyazov", "target of charge", "true"),
    ("BTA Bank case", "Mukhtar Ablyazov", "target of arrest or detention", "false"),
    ("BTA Bank case", "French special forces", "agent of arrest or detention", "false"),
    ("BTA Bank case", "Cour de Cassation", "agent of court ruling", "false"),
    ("BTA Bank case", "BTA Bank", "victim of accusation", "true"),
    ("BTA Bank case", "Alua (daughter of Alma)", "target of deportation", "false"),
    ("Giffen case", "James Giffen", "target of accusation", "true"),
    ("Giffen case", "Nursultan Nazarbayev", "participant in accusation", "true"),
    ("Giffen case", "Nurlan Balgimbaev", "participant in accusation", "true"),
])
def test_everyone_linked_to_a_case_and_how(answer, case, who, link, allegation):
    rows = where(answer("case-participants"), caseLabel=case, who=who, link=link)
    assert rows and {r["allegation"] for r in rows} == {allegation}


def test_stated_involvements_carry_their_role(answer):
    rows = answer("case-participants")
    assert where(rows, caseLabel="BTA Bank case", who="Mukhtar Ablyazov",
                 link="involved: accused; denies the accusation")
    assert where(rows, caseLabel="BTA fraud case in the United Kingdom", who="Mukhtar Ablyazov",
                 link="involved: fled the proceedings")
    giffen = where(rows, caseLabel="Giffen case", who="James Giffen")
    assert any(r["link"].startswith("involved: accused") for r in giffen)


@pytest.mark.parametrize("person,tie,other,role", [
    ("Alma (wife of Mukhtar Ablyazov)", "spouse of", "Mukhtar Ablyazov", None),
    ("Alua (daughter of Alma)", "child of", "Alma (wife of Mukhtar Ablyazov)", None),
    ("Claire Waquet", "counsel for", "Mukhtar Ablyazov", "lawyer"),
    ("James Giffen", "adviser to", "Nursultan Nazarbayev", "consultant"),
])
def test_family_and_counsel_ties(answer, person, tie, other, role):
    assert one(answer("family-and-counsel-ties"), person=person, tie=tie, other=other)["role"] == role


@pytest.mark.parametrize("target,action_word,status,offence,disputed_by", [
    ("Mukhtar Ablyazov", "embezzling", ALLEGATION, "embezzlement", "Mukhtar Ablyazov"),
    ("Mukhtar Ablyazov", "charges", ALLEGATION, "embezzlement", "Mukhtar Ablyazov"),
    ("Mukhtar Ablyazov", "contempt", "conviction or sentence", "contempt of court", None),
    ("James Giffen", "illicit payments", ALLEGATION, "bribery", None),
    ("Soldier tried over the border-post killings (unnamed)", "charged", ALLEGATION, "murder", None),
])
def test_allegations_are_not_convictions(answer, target, action_word, status, offence, disputed_by):
    rows = [r for r in where(answer("allegations-and-convictions"), target=target) if action_word in r["action"]]
    assert len(rows) == 1
    row = rows[0]
    assert row["status"] == status and offence in listed(row["offences"])
    assert row["disputedBy"] == disputed_by


def test_the_only_conviction_is_ablyazovs_contempt_sentence(answer):
    convictions = where(answer("allegations-and-convictions"), status="conviction or sentence")
    assert [(r["target"], r["offences"]) for r in convictions] == [("Mukhtar Ablyazov", "contempt of court")]
    # Giffen's case "is yet to be settled": accused, never convicted
    assert {r["status"] for r in where(answer("allegations-and-convictions"), target="James Giffen")} == {ALLEGATION}


def test_legal_actions_mark_the_embezzlement_accusation_as_an_allegation(answer):
    rows = answer("legal-actions")
    accusation = one(rows, action="https://w3id.org/kazcrime/id/ablyazov-embezzlement-accusation")
    assert (accusation["kind"], accusation["allegation"]) == ("accusation", "true")
    assert accusation["targetLabel"] == "Mukhtar Ablyazov"
    sentence = one(rows, action="https://w3id.org/kazcrime/id/ablyazov-contempt-sentence")
    assert (sentence["kind"], sentence["allegation"]) == ("conviction or sentence", "false")
    assert one(rows, action="https://w3id.org/kazcrime/id/ablyazov-extradition-order-2015")["date"] == "2015-03"


def test_alleged_facts_are_listed_with_their_source(answer):
    rows = answer("alleged-facts")
    assert one(rows, fact="Ablyazov accused of embezzling from BTA Bank") == {
        "fact": "Ablyazov accused of embezzling from BTA Bank", "kind": "accusation", "source": "independent-2015"}
    assert one(rows, fact="Children possibly coerced into pornography in Kazakhstan")["kind"] == "trafficking flow"
    assert one(rows, fact="Alleged embezzlement from BTA, six billion dollars")["kind"] == "statistic"
    # an alleged relation reads subject - property - object
    relations = [r["fact"] for r in rows if r["kind"] == "relation"]
    assert any(f.startswith("Kazakh government officials") and "official complicity" in f for f in relations)
    # a conviction is never listed as merely alleged
    assert not where(rows, fact="Ablyazov sentenced to prison for contempt of court")


@pytest.mark.parametrize("person,relation,position,role", [
    ("Mukhtar Ablyazov", "chairs", "BTA Bank", "chairman (former)"),
    ("Mukhtar Ablyazov", "holds post", "Minister in the Government of Kazakhstan", "former minister"),
    ("Baurzhan Mukhamedzhanov", "holds post", "Minister of Internal Affairs of Kazakhstan", None),
    ("Alik Shpekbayev", "holds post", "Deputy Minister of Internal Affairs of Kazakhstan", None),
    ("Valeriy Kozla", "holds post", "Head of the organised-crime directorate of Almaty Internal Affairs", "head"),
    ("Zhasulan Abdihalyk", "works for or belongs to", "Nur Otan", "spokesman in Taraz"),
])
def test_people_with_their_posts(answer, person, relation, position, role):
    assert one(answer("people-and-posts"), person=person, relation=relation, position=position)["role"] == role


def test_posts_name_the_body_they_belong_to(answer):
    row = one(answer("people-and-posts"), person="Baurzhan Mukhamedzhanov", relation="holds post")
    assert row["within"] == "Ministry of Internal Affairs of Kazakhstan"
    president = one(answer("people-and-posts"), person="Nursultan Nazarbayev", relation="holds post")
    assert president["position"] == "President of Kazakhstan"


# --- police, security services, prisons (sec13-sec16, sec18-sec19) -------------------------------------


@pytest.mark.parametrize("body,relation,other,source", [
    ("Ministry of Internal Affairs of Kazakhstan", "supervises", "National police of Kazakhstan (militia)",
     "kazakhstan-crime"),
    ("Ministry of Justice of Kazakhstan", "supervises", "National police of Kazakhstan (militia)", "loc-1996"),
    ("Ministry of Internal Affairs of Kazakhstan", "supervises", "Prison system of Kazakhstan", "kazakhstan-crime"),
    ("Ministry of Justice of Kazakhstan", "supervises", "Prison system of Kazakhstan", "loc-1996"),
    ("National Security Committee (KNB)", "reports to", "President of Kazakhstan", "state-hrr-2014"),
    ("Syrbar (foreign intelligence service of Kazakhstan)", "reports to", "President of Kazakhstan", "state-hrr-2014"),
    ("Agency of Civil Service Affairs and Anti-Corruption", "reports to", "President of Kazakhstan", "state-hrr-2014"),
    ("Financial Police Agency", "reports to", "Prime Minister of Kazakhstan", "loc-2006"),
    ("Kazakh branch of the KGB", "is part of", "Committee for State Security (KGB)", "loc-1996"),
])
def test_who_oversees_and_reports_to_whom(answer, body, relation, other, source):
    assert one(answer("oversight-and-reporting-lines"), body=body, relation=relation, other=other)["source"] == source


def test_security_services_report_directly_to_the_president(answer):
    rows = where(answer("oversight-and-reporting-lines"), relation="reports to", other="President of Kazakhstan")
    assert {r["role"] for r in rows} == {"directly"}


def test_national_security_committee_succeeds_the_kgb(answer):
    rows = answer("successor-agencies")
    assert one(rows, predecessor="Committee for State Security (KGB)") == {
        "successor": "National Security Committee (KNB)", "predecessor": "Committee for State Security (KGB)",
        "date": None, "note": None, "source": "loc-1996"}
    assert {r["successor"] for r in rows} == {"National Security Committee (KNB)"}


@pytest.mark.parametrize("function,body,status", [
    ("intelligence", "National Security Committee (KNB)", "responsible"),
    ("counterintelligence", "National Security Committee (KNB)", "responsible"),
    ("border security", "National Security Committee (KNB)", "responsible"),
    ("foreign intelligence", "Syrbar (foreign intelligence service of Kazakhstan)", "responsible"),
    ("investigation of crime", "Office of the Procurator General", "formerly responsible"),
    ("investigation of crime", "Ministry of Internal Affairs of Kazakhstan", "responsible"),
    ("fire protection", "Ministry of Internal Affairs of Kazakhstan", "responsible"),
    ("investigation of money laundering and financial crime", "Financial Police Agency", "responsible"),
])
def test_which_body_does_what(answer, function, body, status):
    assert where(answer("agency-functions"), function=function, body=body, status=status)


@pytest.mark.parametrize("party,tie,other,since", [
    ("Kazakhstan", "member of", "International Criminal Police Organization (Interpol)", "1992"),
    ("France", "has no extradition treaty with", "Kazakhstan", None),
    ("France", "has an extradition treaty with", "Russia", None),
    ("France", "has an extradition treaty with", "Ukraine", None),
    ("Government of Kazakhstan", "cooperates with", "Belarus", None),
])
def test_international_ties(answer, party, tie, other, since):
    assert one(answer("international-ties"), party=party, tie=tie, other=other)["since"] == since


def test_prison_population_fell_from_76000_in_1996_to_42114_in_2014(answer):
    row = one(answer("prison-population-change"), fromYear="1996")
    assert (row["place"], row["from"], row["fromSource"], row["toYear"], row["to"], row["toSource"]) == (
        "Kazakhstan", "76000", "loc-1996", "2014", "42114", "state-hrr-2014")
    assert (row["change"], num(row["changePercent"]), num(row["perYear"])) == ("-33886", -44.6, -1882.6)


@pytest.mark.parametrize("offences,penalty,low,high,unit", [
    ({"rape", "spousal rape"}, "sentence length", "3", "15", "years"),
    ({"spousal assault and battery"}, "sentence length", "", "10", "years"),
    ({"aggravated battery"}, "sentence length", "", "10", "years"),
    ({"domestic violence"}, "administrative detention of abusers", "24", "24", "hours"),
    ({"domestic violence", "light battery"}, "hours of community work imposed", "120", "180", "hours"),
])
def test_penalties_set_by_law(answer, offences, penalty, low, high, unit):
    rows = [r for r in answer("penalties-by-offence") if listed(r["offences"]) == offences and r["penalty"] == penalty]
    assert [(r["from"], r["upTo"], r["unit"]) for r in rows] == [(low, high, unit)]


# --- organised crime (sec09-sec12) ------------------------------------------------------------------------


@pytest.mark.parametrize("actor,commodities,through,alleged", [
    ("Chechen heroin smugglers in Kazakhstan (alleged)", "heroin", "Kazakhstan's northern and western borders", "true"),
    ("Tajik criminal groups", "heroin", "Kazakhstan's southern borders", "false"),
    ("Uzbek criminal groups", "heroin", "Kazakhstan's southern borders", "false"),
    ("Kyrgyz criminal groups", "heroin", "Kazakhstan's southern borders", "false"),
    ("Organised narcotics smuggling networks (unnamed)", "narcotics", "Kazakhstan", "false"),
])
def test_who_smuggles_what_along_which_route(answer, actor, commodities, through, alleged):
    row = one(answer("smuggling-routes"), actors=actor)
    assert (row["commodities"], row["through"], row["alleged"]) == (commodities, through, alleged)


def test_the_almaty_drug_corridor_runs_from_south_asia_to_russia_and_europe(answer):
    row = [r for r in answer("smuggling-routes") if r["through"] == "Almaty"][0]
    assert listed(row["commodities"]) == {"heroin", "opium"}
    assert listed(row["origins"]) == {"Southwest Asia", "Southeast Asia"}
    assert listed(row["destinations"]) == {"Russia", "Europe"}
    afghan = one(answer("smuggling-routes"), actors="Organised narcotics smuggling networks (unnamed)")
    assert (afghan["origins"], afghan["destinations"]) == ("Afghanistan", "Russia")


@pytest.mark.parametrize("group,relation,what,alleged", [
    ("Georgian mobsters in Kazakhstan", "engages in", "burglary", "true"),
    ("Georgian mobsters in Kazakhstan", "targets", "Well-off residential districts of Almaty", "true"),
    ("Tajik criminal groups", "drawn from", "Tajiks", "false"),
    ("Organised crime groups in Kazakhstan", "targets", "casinos", "false"),
    ("Small organised criminal groups facilitating trafficking in Kazakhstan", "led by", "Former convicts", "false"),
    ("Organised crime groups in Kazakhstan", "linked to", "Terrorist and extremist groups (unnamed)", "true"),
])
def test_what_criminal_groups_do(answer, group, relation, what, alleged):
    assert one(answer("criminal-groups"), group=group, relation=relation, what=what)["alleged"] == alleged


# --- claims and disagreements ------------------------------------------------------------------------------


def _pair(rows, side_one, side_two):
    found = [r for r in rows if {r["sideA"], r["sideB"]} == {side_one, side_two}]
    assert len(found) == 1, (side_one, side_two)
    row = found[0]
    a = {k[:-1]: v for k, v in row.items() if k.endswith("A")}
    b = {k[:-1]: v for k, v in row.items() if k.endswith("B")}
    return (a, b) if row["sideA"] == side_one else (b, a)


def test_the_crisis_centre_disagreement_lists_29_against_20(answer):
    government, ngos = _pair(answer("disagreements"), "Crisis centres assisting women in 2013 (government figure, 29)",
                             "Active crisis centres (NGO figure, 20)")
    assert (government["claimant"], government["figures"]) == ("Government of Kazakhstan", "29")
    assert government["source"] == "state-hrr-2014"
    assert (ngos["claimant"], ngos["figures"], ngos["source"]) == ("NGOs in Kazakhstan", "20", "state-hrr-2014")
    claim, counter = _pair(answer("disagreements"),
                           "Government says 29 crisis centres helped women and 2 helped men in 2013",
                           "NGOs say only 20 crisis centres were active")
    assert (listed(claim["figures"], "; "), claim["kind"]) == ({"29", "2"}, "claim (asserts)")
    assert (counter["figures"], counter["kind"]) == ("20", "claim (disputes)")


@pytest.mark.parametrize("side_one,side_two,claimant_two,kind_two", [
    ("Ablyazov accused of embezzling from BTA Bank", "Ablyazov denies the embezzlement accusations",
     "Mukhtar Ablyazov", "claim (denies)"),
    ("Compiler - the Ministry of Internal Affairs supervises the police and prisons",
     "LoC (1996) - the Ministry of Justice runs the police and prison systems",
     "Library of Congress", "claim (asserts)"),
    ("Interior Minister Mukhamedzhanov - Kazakhstan has no obvious gangland bosses",
     "State Department (2002) - about 200 organised crime groups in Kazakhstan, allegedly linked abroad",
     "U.S. Department of State, U.S. State Department report of 2002 (as cited by Berdikeeva)", "claim (warns)"),
    ("Nur Otan spokesman says Bektibayev never asked the party for help",
     "Bektibayev says he came to Nur Otan hoping for help", "Yerlan Bektibayev", "claim (asserts)"),
])
def test_disagreements_name_each_sides_claimant(answer, side_one, side_two, claimant_two, kind_two):
    first, second = _pair(answer("disagreements"), side_one, side_two)
    assert (second["claimant"], second["kind"]) == (claimant_two, kind_two)
    assert first["source"] and second["source"]


def test_the_accusation_side_of_a_disagreement_is_labelled_an_accusation(answer):
    accusation, _ = _pair(answer("disagreements"), "Ablyazov accused of embezzling from BTA Bank",
                          "Ablyazov denies the embezzlement accusations")
    assert (accusation["kind"], accusation["source"]) == ("accusation", "independent-2015")


def test_each_disagreement_is_listed_once(answer):
    pairs = [frozenset((r["sideA"], r["sideB"])) for r in answer("disagreements")]
    assert len(pairs) == len(set(pairs))


def test_claims_by_stance(store, answer):
    rows = {r["stance"]: r for r in answer("claims-by-stance")}
    stances = {"asserts", "reports", "denies", "disputes", "estimates", "warns", "doubts or calls exaggerated"}
    assert set(rows) == stances
    deniers = listed(rows["denies"]["claimants"])
    assert {"Mukhtar Ablyazov", "Yerlan Bektibayev", "Zhasulan Abdihalyk", "Baurzhan Mukhamedzhanov"} <= deniers
    assert "NGOs in Kazakhstan" in listed(rows["estimates"]["claimants"])
    total = next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH <https://w3id.org/kazcrime/graph/entities> "
        "{ ?c a <https://w3id.org/kazcrime/ontology#Claim> } }")))["n"].value
    assert sum(int(r["claims"]) for r in rows.values()) == int(total)


# --- timeline, laws --------------------------------------------------------------------------------------


def test_timeline_is_in_date_order_with_its_precision(answer):
    rows = answer("timeline")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    bektibayev = one(rows, event="Yerlan Bektibayev sets himself on fire outside Nur Otan's Taraz office")
    assert (bektibayev["date"], bektibayev["precision"]) == ("2015-10-24", "day")
    assert one(rows, event="Mangistau riots (December 2011)")[("precision")] == "month"
    units = one(rows, event="Kazakhstan sets up specialised police units against economic and organised crime")
    assert (units["date"], units["until"], units["precision"]) == ("1995", "1996", "year")
    untoc = [r for r in rows if "Transnational Organized Crime" in r["event"]]
    assert [(r["date"], r["precision"], r["kind"]) for r in untoc] == [("2008-06-05", "day", "law-making")]


def test_timeline_labels_allegations(answer):
    rows = answer("timeline")
    complicity = one(rows, event="State Department says official complicity in trafficking goes unaddressed")
    assert complicity["allegation"] == "true"
    assert one(rows, event="French court orders Ablyazov's extradition")["allegation"] == "false"


@pytest.mark.parametrize("law,kind,date,by", [
    ("United Nations Convention against Transnational Organized Crime", "convention or agreement", "2008-06-05",
     "Nursultan Nazarbayev"),
    ("Law on preventing and combating domestic violence (February 2014)", "law", "2014-02", "President of Kazakhstan"),
    ("Kazakhstan-United States bilateral cooperation agreement on WMD-usable materials", "convention or agreement",
     "2007-12-14", "Kazakhstan"),
    ("Kazakhstan's anti-money-laundering and counter-terrorist-financing law (2006)", "law", "2006", "Kazakhstan"),
])
def test_laws_and_conventions_with_their_dates(answer, law, kind, date, by):
    row = one(answer("laws-and-conventions"), law=law)
    assert (row["kind"], row["date"], row["by"]) == (kind, date, by)


def test_undated_laws_come_last_with_their_source(answer):
    rows = answer("laws-and-conventions")
    dated = [r["date"] is not None for r in rows]
    assert dated == sorted(dated, reverse=True)
    assert one(rows, law="Kazakh criminal law on rape")["source"] == "state-hrr-2014"


# --- statistics, sources, the document -------------------------------------------------------------------


def test_statistics_by_place(answer):
    rows = answer("statistics-by-place")
    row = one(rows, place="Kazakhstan", measure="drug-related crimes registered")
    assert (row["figures"], row["from"], row["to"]) == ("17", "1990", "2006")
    assert one(rows, place="Almaty", measure="drug-related crimes registered in a region or city")["from"] == "2006"
    assert one(rows, place="Ile-Alatau National Park", measure="bodies found")["figures"] == "3"


def test_statistics_by_period(store, answer):
    rows = {r["year"]: r for r in answer("statistics-by-period")}
    measures_2006 = listed(rows["2006"]["measures"], "; ")
    assert {"drug-related crimes registered", "drug-related crimes per 100,000 people"} <= measures_2006
    assert "share of convicts under thirty" in listed(rows["1988"]["measures"], "; ")
    assert "no period" in rows
    total = next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH <https://w3id.org/kazcrime/graph/entities> "
        "{ ?o a <https://w3id.org/kazcrime/ontology#Observation> } }")))["n"].value
    assert sum(int(r["figures"]) for r in rows.values()) == int(total)


def test_statistics_by_measure(answer):
    rows = answer("statistics-by-measure")
    series = one(rows, measure="drug-related crimes registered")
    assert (series["figures"], series["units"], series["from"], series["to"]) == ("17", "count", "1990", "2006")
    assert series["sources"] == "unodc-2008"
    prisons = one(rows, measure="prison population")
    assert (prisons["from"], prisons["to"]) == ("1996", "2014")
    assert listed(prisons["sources"]) == {"loc-1996", "state-hrr-2014"}
    assert listed(one(rows, measure="distance")["units"]) == {"miles", "kilometres"}


def test_statistics_by_source(answer):
    rows = answer("statistics-by-source")
    assert int(one(rows, source="unodc-2008", unit="count")["figures"]) >= 17 * 2 + 9
    assert one(rows, source="bbc-2012", unit="miles")["figures"] == "1"


@pytest.mark.parametrize("source,date,by,paragraphs", [
    ("unodc-2008", "2008-04", "United Nations Office on Drugs and Crime (UNODC)", "6"),
    ("berdikeeva-2009", "2009", "Saltanat Berdikeeva, China and Eurasia Forum Quarterly", "19"),
    ("loc-1996", "1996-03", "Glenn E. Curtis, Library of Congress", "9"),
    ("independent-2015", "2015-03-04", "Jim Armitage, The Independent", "5"),
])
def test_sources_cited_with_their_authors_and_paragraphs(answer, source, date, by, paragraphs):
    row = one(answer("sources-cited"), source=source)
    assert (row["date"], row["by"], row["paragraphs"]) == (date, by, paragraphs)


def test_sources_cited_count_figures_and_claims(answer):
    unodc = one(answer("sources-cited"), source="unodc-2008")
    assert int(unodc["figures"]) >= 17 * 2 + 9 and int(unodc["claims"]) >= 1


def test_facts_by_source(answer):
    rows = answer("facts-by-source")
    counts = [int(r["statements"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    sources = {r["source"] for r in rows}
    assert {SOURCE + "unodc-2008", SOURCE + "independent-2015"} <= sources


def test_paragraphs_by_attribution_cover_every_paragraph(store, answer):
    rows = answer("paragraphs-by-attribution")
    total = next(iter(store.query(
        "SELECT (COUNT(?p) AS ?n) WHERE { GRAPH <https://w3id.org/kazcrime/graph/document> "
        "{ ?p a <https://w3id.org/kazcrime/ontology#Paragraph> } }")))["n"].value
    assert sum(int(r["paragraphs"]) for r in rows) == int(total)
    # sec04.p01 carries UNODC's bracket; the two series paragraphs after it continue it
    unodc = "UNODC Regional Office for Central Asia, Illicit Drug Trends in Central Asia (April 2008)"
    assert one(rows, source=unodc, method="citation")["paragraphs"] == "1"


def test_paragraphs_without_facts(answer):
    rows = {r["paragraph"]: r for r in answer("paragraphs-without-facts")}
    # the image credits at the end carry no fact; the drug series paragraph does (its figures are extracted)
    assert rows["sec20.p01"]["section"] == "Image Sources" and rows["sec20.p01"]["source"] == "kazakhstan-crime"
    assert "sec04.p02" not in rows and "sec08.p01" not in rows
    assert all(int(r["sentences"]) >= 1 for r in rows.values())


def test_entities_named_in_most_paragraphs(answer):
    rows = answer("entities-in-most-paragraphs")
    assert rows[0]["label"] == "Kazakhstan" and int(rows[0]["sections"]) >= 14
    counts = [int(r["paragraphs"]) for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) == 20
    assert "National police of Kazakhstan (militia)" in {r["label"] for r in rows[:3]}
    # named things only: no event, claim or figure
    assert not {"event", "claim", "statistic", "trafficking flow"} & {r["kind"] for r in rows}


def test_most_connected_entities(store, answer):
    rows = answer("most-connected-entities")
    assert rows[0]["label"] == "Kazakhstan"
    assert "Mukhtar Ablyazov" in {r["label"] for r in rows}
    # each statement counts once, however many types (asserted and inferred) the entity has
    police = one(rows, entity="https://w3id.org/kazcrime/id/national-police")
    statements = next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { { <https://w3id.org/kazcrime/id/national-police> ?p ?o } UNION "
        "{ ?s ?p <https://w3id.org/kazcrime/id/national-police> } } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kazcrime/graph/source/')) }")))["n"].value
    assert police["facts"] == statements


def test_inferred_facts(answer):
    rows = {r["property"]: int(r["triples"]) for r in answer("inferred-facts")}
    assert max(rows, key=rows.get) == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    # the reasoner closes the symmetric conflictsWith and the inverse successorOf
    assert rows["https://w3id.org/kazcrime/ontology#conflictsWith"] > 0
    assert rows["https://w3id.org/kazcrime/ontology#predecessorOf"] > 0


# --- the document's arithmetic -------------------------------------------------------------------------


def test_eleven_bodies_are_the_six_and_five_found_in_two_houses(answer):
    row = one(answer("parts-add-up-check"), total="Bodies found in Ile-Alatau national park, August 2012")
    assert (row["stated"], row["parts"], row["sumOfParts"], row["agrees"]) == ("11", "2", "11", "true")


def test_sixteen_miles_are_about_25_kilometres(answer):
    row = one(answer("unit-conversion-check"), quantity="distance")
    assert (row["stated"], row["unit"], num(row["converted"]), row["otherUnit"], row["statedOther"], row["agrees"]) == (
        "16", "miles", 25.75, "kilometres", "25", "true")


def test_external_identifiers_lists_each_link_with_status_and_grounds(answer):
    import pycountry

    rows = where(answer("external-identifiers"), record="https://w3id.org/kazcrime/id/kazakhstan")
    by_dataset = {r["dataset"]: r for r in rows}
    assert set(by_dataset) == {"GeoNames", "ISO 3166-1", "Wikidata"}
    # ISO codes are pycountry's, never typed by hand
    kz = pycountry.countries.get(alpha_2="KZ")
    assert by_dataset["ISO 3166-1"]["identifier"] == f"{kz.alpha_2} {kz.alpha_3} {kz.numeric}"
    # offline, a Wikidata link stays curated, and says where a person typed it
    wikidata = by_dataset["Wikidata"]
    assert wikidata["identifier"].endswith("/Q232") and wikidata["status"] == "curated"
    assert wikidata["grounds"].startswith("graph/links/wikidata.yaml:")
    assert by_dataset["GeoNames"]["identifier"].startswith("https://sws.geonames.org/")


def test_trafficking_countries_geo_places_every_country_of_a_flow(answer, store):
    rows = answer("trafficking-countries-geo")
    flow_countries = {
        r["c"].value
        for r in store.query(
            """PREFIX kzc: <https://w3id.org/kazcrime/ontology#>
               SELECT DISTINCT ?c WHERE { ?f a kzc:TraffickingFlow ; kzc:origin|kzc:transit|kzc:destination ?c .
                                          ?c a kzc:Country }""",
            use_default_graph_as_union=True,
        )
    }
    assert {r["country"] for r in rows} == flow_countries
    assert all(r["lat"] and r["long"] and r["iso3"] for r in rows)
    kazakhstan = one(rows, country="https://w3id.org/kazcrime/id/kazakhstan")
    assert {"origin", "destination"} <= listed(kazakhstan["roles"]) and kazakhstan["iso3"] == "KAZ"
    assert listed(one(rows, country="https://w3id.org/kazcrime/id/united-arab-emirates")["roles"]) == {"destination"}
