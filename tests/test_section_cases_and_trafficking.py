"""Trafficking, the 2012 mass killings, the Ablyazov affair and the Taraz self-immolation (sec06, sec07, sec08, sec17).

These tests read the committed graph (``graph/kazcrime.nq``), built from ``graph/facts/human-trafficking.yaml``,
``graph/facts/violence-and-protest.yaml`` and ``graph/facts/ablyazov-bta.yaml``. They pin facts a reader would
look up directly (dates, places, figures with their unit and period, who acted on whom) together with the
source graph each fact is stated in: the State Department's 2015 trafficking report (sec06), the BBC article
of August 2012 (sec07), Jim Armitage's Independent article (sec08) and Joanna Lillis's report (sec17).

These are real people, so the tests also check that the graph says no more than the text: a charge, an
accusation or a spokesman's remark about earlier convictions never turns into a conviction, and each side
of a dispute stays a claim with its claimant. Answers of the saved queries are pinned in ``test_queries.py``
and not repeated here.
"""

from __future__ import annotations

from collections import defaultdict

from graphquery import ask as _ask, rows as _rows, short as _short, stated as _stated


def _objects(store, record, prop, source):
    """The objects of one property of a record, checking that every one of them comes from `source`."""
    pairs = _stated(store, record)[prop]
    assert {g for _, g in pairs} <= {source}, (record, prop, pairs)
    return {o for o, _ in pairs}


def _class(store, record):
    rows = _rows(store, f"SELECT ?c WHERE {{ GRAPH kzg:entities {{ kz:{record} a ?c }} }}")
    return {r["c"].value.rsplit("#", 1)[-1] for r in rows}


def _figure(store, record, source):
    """(value, unit, refPeriod or None, qualifier or None) of a statistic, all from `source`."""
    facts = _stated(store, record)
    assert {g for pairs in facts.values() for _, g in pairs} == {source}, record

    def single(prop):
        found = {o for o, _ in facts[prop]}
        assert len(found) <= 1, (record, prop, found)
        return next(iter(found), None)

    return float(single("value")), single("unit"), single("refPeriod"), single("qualifier")


# --- sec06: human trafficking (State Department, 2015 TIP report) -------------------------------------------


def test_kazakhstan_is_chiefly_a_destination_and_only_secondarily_a_source_or_transit_country(store):
    tip = "state-tip-2015"
    assert _objects(store, "trafficking-into-kazakhstan", "destination", tip) == {"kazakhstan"}
    assert _objects(store, "trafficking-out-of-kazakhstan", "origin", tip) == {"kazakhstan"}
    for flow in ("trafficking-into-kazakhstan", "trafficking-out-of-kazakhstan"):
        assert _objects(store, flow, "exploitation", tip) == {"sex-trafficking", "forced-labour"}
        assert _objects(store, flow, "victimGroup", tip) == {"men", "women", "children"}
    # the lesser role is said of the source side, not of the destination side
    assert "lesser" in next(iter(_objects(store, "trafficking-out-of-kazakhstan", "note", tip)))
    assert "lesser" not in next(iter(_objects(store, "trafficking-into-kazakhstan", "note", tip)))
    # no transit route is named, so transit is the State Department's claim, not a flow
    assert _class(store, "kazakhstan-transit-country-tip-2015") == {"Claim"}
    assert _objects(store, "kazakhstan-transit-country-tip-2015", "claimant", tip) == {"us-state-department"}
    assert _objects(store, "kazakhstan-transit-country-tip-2015", "transit", tip) == {"kazakhstan"}


def test_villagers_drawn_to_four_booming_cities_end_up_in_building_work_housework_or_brothels(store):
    tip = "state-tip-2015"
    rows = _rows(store, """
        SELECT ?flow ?to ?form WHERE { GRAPH ?g { ?flow kzc:origin kz:rural-kazakhstan ; kzc:destination ?to ;
                                                         kzc:exploitation ?form }
                                      GRAPH kzg:entities { ?flow a kzc:TraffickingFlow } }""")
    by_city = defaultdict(set)
    for r in rows:
        by_city[_short(r["to"])].add(_short(r["form"]))
    for city in ("astana", "almaty", "aktau", "atyrau"):
        assert by_city[city] == {"forced-labour", "sex-trafficking"}, city
        assert _objects(store, f"labour-trafficking-rural-to-{city}", "sector", tip) == {"construction",
                                                                                          "domestic-service"}
        assert _objects(store, f"sex-trafficking-rural-to-{city}", "sector", tip) == {"brothels"}
    # the report calls Astana the seat of government and Almaty the financial capital
    roles = {_short(r["city"]): r["role"].value for r in _rows(store, """
        SELECT ?city ?role WHERE {
          GRAPH kzg:provenance { ?f <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?city ;
                                    <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> kzc:capitalOf }
          GRAPH ?g { ?f kzc:role ?role } }""")}
    assert roles["astana"] == "seat of government" and roles["almaty"] == "financial capital"


def test_sex_traffickers_mostly_target_rural_girls_and_young_women_between_15_and_35(store):
    tip = "state-tip-2015"
    value, unit, period, qualifier = _figure(store, "sex-trafficking-victim-age-range", tip)
    assert (value, unit, period, qualifier) == (15.0, "years", None, None)
    assert _objects(store, "sex-trafficking-victim-age-range", "maxValue", tip) == {"35"}
    assert _objects(store, "sex-trafficking-victim-age-range", "breakdown", tip) == {"sex-trafficking",
                                                                                     "young-women"}
    lured = "sex-trafficking-rural-young-women-to-cities"
    assert _objects(store, lured, "origin", tip) == {"rural-kazakhstan"}
    assert _objects(store, lured, "exploitation", tip) == {"sex-trafficking"}
    assert _ask(store, "ASK { GRAPH ?g { kz:traffickers-in-kazakhstan kzc:targets kz:rural-kazakhstan } }")


def test_kyrgyz_migrant_children_work_up_to_75_hours_a_week_in_almaty_region_cotton_fields(store):
    tip = "state-tip-2015"
    figure = "kyrgyz-migrant-children-cotton-hours"
    # the report gives no year for the 75 hours: none may be invented
    assert _figure(store, figure, tip) == (75.0, "hours-per-week", None, "up-to")
    assert _objects(store, figure, "refArea", tip) == {"almaty-region"}
    assert _objects(store, figure, "breakdown", tip) == {"migrant-children", "cotton-fields"}
    # the investigations found the children's work; they name no suspect
    investigation = "cotton-field-child-labour-investigations"
    assert _class(store, investigation) == {"Investigation"}
    assert _objects(store, investigation, "place", tip) == {"almaty-region"}
    assert _objects(store, investigation, "target", tip) == {"child-labour-kyrgyz-migrants-almaty-cotton"}
    assert not _stated(store, investigation)["agent"]


def test_official_complicity_is_the_state_departments_accusation_against_officials_as_a_group(store):
    tip = "state-tip-2015"
    accusation = "official-complicity-trafficking-accusation"
    assert _class(store, accusation) == {"Accusation"}
    assert _objects(store, accusation, "agent", tip) == {"us-state-department"}
    assert _objects(store, accusation, "target", tip) == {"kazakh-government-officials"}
    assert _objects(store, accusation, "offence", tip) == {"official-complicity", "human-trafficking"}
    # no official is named, and nobody is charged or convicted over it
    assert _class(store, "kazakh-government-officials") == {"PeopleGroup"}
    assert not _ask(store, """ASK { GRAPH ?g { ?a kzc:target kz:kazakh-government-officials }
                                   GRAPH kzg:entities { ?a a ?c } FILTER(?c IN (kzc:Charge, kzc:Conviction, kzc:Trial)) }""")


def test_state_department_finds_kazakhstan_short_of_minimum_standards_yet_making_significant_efforts(store):
    tip = "state-tip-2015"
    for claim in ("tip-2015-minimum-standards-not-met", "tip-2015-significant-efforts", "tip-2015-official-complicity",
                  "tip-2015-no-victim-centred-approach"):
        assert _class(store, claim) == {"Claim"}, claim
        assert _objects(store, claim, "claimant", tip) == {"us-state-department"}, claim
        assert _objects(store, claim, "stance", tip) == {"asserts"}, claim
    assert _objects(store, "tip-2015-minimum-standards-not-met", "about", tip) == {"government-of-kazakhstan"}
    # victims speak for themselves on how they were recruited
    assert _objects(store, "victims-lured-by-deception", "claimant", tip) == {"trafficking-victims-kazakhstan"}
    assert _objects(store, "victims-lured-by-deception", "about", tip) == {"traffickers-in-kazakhstan"}


# --- sec07: mass murders of summer 2012 (BBC, 14 August 2012) ------------------------------------------------


def test_eleven_bodies_found_in_ile_alatau_park_in_august_2012_six_at_one_ranger_house_five_at_another(store):
    bbc = "bbc-2012"
    found = {}
    for figure in ("ile-alatau-bodies-total-2012", "ile-alatau-bodies-ranger-home-2012",
                   "ile-alatau-bodies-second-home-2012"):
        value, unit, period, _ = _figure(store, figure, bbc)
        assert (unit, period) == ("count", "2012-08"), figure
        assert _objects(store, figure, "refArea", bbc) == {"ile-alatau-national-park"}
        found[figure] = value
    assert found["ile-alatau-bodies-total-2012"] == 11.0
    assert found["ile-alatau-bodies-ranger-home-2012"] == 6.0
    assert found["ile-alatau-bodies-second-home-2012"] == 5.0
    assert _objects(store, "ile-alatau-bodies-ranger-home-2012", "breakdown", bbc) == {"ile-alatau-ranger-home"}
    assert _objects(store, "ile-alatau-bodies-second-home-2012", "breakdown", bbc) == {"ile-alatau-second-ranger-home"}
    # the two houses lie 16 miles (25 km) apart; the second one was burnt
    assert _figure(store, "ile-alatau-homes-distance-miles", bbc)[:2] == (16.0, "miles")
    assert _figure(store, "ile-alatau-homes-distance-km", bbc)[:2] == (25.0, "kilometres")
    assert _objects(store, "ile-alatau-second-home-fire-2012", "place", bbc) == {"ile-alatau-second-ranger-home"}
    assert _objects(store, "ile-alatau-second-home-fire-2012", "offence", bbc) == {"arson"}


def test_police_open_a_murder_inquiry_in_august_2012_in_ile_alatau_park_on_the_kyrgyz_border(store):
    bbc = "bbc-2012"
    inquiry = "ile-alatau-murder-investigation-2012"
    assert _class(store, inquiry) == {"Investigation"}
    assert _objects(store, inquiry, "date", bbc) == {"2012-08"}
    assert _objects(store, inquiry, "agent", bbc) == {"national-police"}
    assert _objects(store, inquiry, "offence", bbc) == {"murder"}
    assert _objects(store, inquiry, "place", bbc) == {"ile-alatau-national-park"}
    park = _stated(store, "ile-alatau-national-park")
    assert {o for o, g in park["locatedIn"] if g == bbc} == {"south-east-kazakhstan", "tien-shan"}
    # on the Kyrgyz border (the text puts the park only *near* Almaty, so no tie to Almaty is pinned here)
    assert ("kyrgyzstan", bbc) in park["adjacentTo"]
    # the dead, as the interior ministry listed them
    killings = "ile-alatau-killings-2012"
    assert _objects(store, killings, "victim", bbc) == {"ile-alatau-ranger", "ile-alatau-ranger-partner",
                                                         "ile-alatau-park-employees"}
    assert _objects(store, killings, "count", bbc) == {"11"}
    for claim in ("mvd-ile-alatau-victims", "mvd-ile-alatau-no-motive"):
        assert _objects(store, claim, "claimant", bbc) == {"ministry-of-internal-affairs"}, claim
        assert _objects(store, claim, "stance", bbc) == {"reports"}, claim


def test_june_2012_border_post_killings_left_14_guards_and_a_civilian_dead_on_the_china_frontier(store):
    bbc = "bbc-2012"
    killings = "border-post-killings-2012"
    assert _class(store, killings) == {"Killing"}
    assert _objects(store, killings, "date", bbc) == {"2012-06"}
    assert _objects(store, killings, "place", bbc) == {"kazakh-china-border-post"}
    assert _objects(store, killings, "victim", bbc) == {"border-post-guards-2012", "border-post-civilian-2012"}
    assert _objects(store, "kazakh-china-border-post", "locatedIn", bbc) == {"kazakhstan-china-border"}
    assert _objects(store, "kazakhstan-china-border", "adjacentTo", bbc) == {"china", "kazakhstan"}
    assert _figure(store, "border-post-guards-dead-2012", bbc) == (14.0, "count", "2012-06", None)
    assert _figure(store, "border-post-civilian-dead-2012", bbc) == (1.0, "count", "2012-06", None)
    assert _objects(store, "border-post-guards-2012", "nationality", bbc) == {"kazakhstan"}
    # two mass murders within two months: June to August 2012
    assert _figure(store, "kazakhstan-mass-murders-summer-2012", bbc) == (2.0, "count", "2012-06", None)
    assert _objects(store, "kazakhstan-mass-murders-summer-2012", "periodEnd", bbc) == {"2012-08"}


def test_the_soldier_is_arrested_charged_and_on_trial_but_neither_convicted_nor_named_the_killer(store):
    bbc = "bbc-2012"
    actions = {_short(r["a"]): r["c"].value.rsplit("#", 1)[-1] for r in _rows(store, """
        SELECT ?a ?c WHERE { GRAPH ?g { ?a kzc:target kz:border-post-soldier }
                            GRAPH kzg:entities { ?a a ?c } }""")}
    assert actions == {"border-post-soldier-arrest": "Arrest", "border-post-soldier-charge": "Charge",
                       "border-post-soldier-trial": "Trial"}
    assert _objects(store, "border-post-soldier-charge", "allegedly", bbc) == {"true"}
    assert _objects(store, "border-post-soldier-charge", "offence", bbc) == {"murder"}
    assert _objects(store, "border-post-soldier-trial", "date", bbc) == {"2012-08"}
    assert _objects(store, "border-post-soldier", "basedIn", bbc) == {"kazakh-china-border-post"}
    # the text establishes no perpetrator of either massacre
    for killings in ("border-post-killings-2012", "ile-alatau-killings-2012"):
        assert not _ask(store, f"ASK {{ GRAPH ?g {{ kz:{killings} kzc:agent ?who }} }}"), killings


def test_the_soldiers_confession_and_its_withdrawal_as_forced_are_two_conflicting_claims(store):
    bbc = "bbc-2012"
    confession, retraction = "border-post-soldier-initial-confession", "border-post-soldier-retraction"
    assert _objects(store, confession, "claimant", bbc) == {"border-post-soldier"}
    assert _objects(store, confession, "stance", bbc) == {"asserts"}
    assert _objects(store, confession, "about", bbc) == {"border-post-killings-2012"}
    assert _objects(store, retraction, "claimant", bbc) == {"border-post-soldier"}
    assert _objects(store, retraction, "stance", bbc) == {"disputes"}
    assert _objects(store, retraction, "topic", bbc) == {"torture-coercion"}
    assert _objects(store, retraction, "conflictsWith", bbc) == {confession}
    assert _objects(store, confession, "conflictsWith", bbc) == {retraction}


# --- sec08: Ablyazov and BTA Bank (Jim Armitage, The Independent, 4 March 2015) -----------------------------


def test_french_courts_approve_extradition_to_russia_or_ukraine_never_to_kazakhstan(store):
    ind = "independent-2015"
    for ruling, court in (("ablyazov-extradition-order-2015", "french-court"),
                          ("ablyazov-lower-court-extradition-ruling", "french-lower-court"),
                          ("ablyazov-cassation-ruling", "cour-de-cassation")):
        assert _class(store, ruling) == {"Ruling"}, ruling
        assert _objects(store, ruling, "agent", ind) == {court}, ruling
        assert _objects(store, ruling, "target", ind) == {"mukhtar-ablyazov"}, ruling
        assert _objects(store, ruling, "destination", ind) == {"russia", "ukraine"}, ruling
        assert _objects(store, ruling, "partOf", ind) == {"ablyazov-extradition-france"}, ruling
    assert _objects(store, "ablyazov-extradition-france", "origin", ind) == {"france"}
    assert _objects(store, "ablyazov-extradition-france", "destination", ind) == {"russia", "ukraine"}
    # the article dates only the order (March 2015); the other rulings stay undated
    assert not _stated(store, "ablyazov-cassation-ruling")["date"]
    assert not _stated(store, "ablyazov-lower-court-extradition-ruling")["date"]
    # Kazakhstan as the end point is only Alma's warning, a claim in conflict with the ordered transfer
    assert not _ask(store, "ASK { GRAPH ?g { ?a kzc:target kz:mukhtar-ablyazov ; kzc:destination kz:kazakhstan } }")
    warning = "alma-warns-of-transfer-to-kazakhstan"
    assert _objects(store, warning, "claimant", ind) == {"alma-ablyazova"}
    assert _objects(store, warning, "stance", ind) == {"warns"}
    assert _objects(store, warning, "conflictsWith", ind) == {"ablyazov-extradition-france"}
    assert _objects(store, "waquet-objects-to-extradition", "claimant", ind) == {"claire-waquet"}
    assert _objects(store, "waquet-objects-to-extradition", "conflictsWith", ind) == {"ablyazov-cassation-ruling"}


def test_ablyazov_fled_britain_in_2012_after_a_contempt_sentence_and_was_arrested_in_france(store):
    ind = "independent-2015"
    assert _objects(store, "ablyazov-contempt-sentence", "offence", ind) == {"contempt-of-court"}
    assert _objects(store, "ablyazov-contempt-sentence", "place", ind) == {"united-kingdom"}
    flight = "ablyazov-flight-from-britain-2012"
    assert _class(store, flight) == {"Flight"}
    assert _objects(store, flight, "date", ind) == {"2012"}
    assert _objects(store, flight, "agent", ind) == {"mukhtar-ablyazov"}
    assert _objects(store, flight, "origin", ind) == {"united-kingdom"}
    assert _figure(store, "ablyazov-time-on-the-run", ind) == (1.0, "years", None, "more-than")
    # special forces made the arrest; the investigators and the police only led them to him
    arrest = "ablyazov-arrest-france"
    assert _objects(store, arrest, "agent", ind) == {"french-special-forces"}
    assert _objects(store, arrest, "participant", ind) == {"ablyazov-private-investigators", "french-police"}
    assert _objects(store, arrest, "place", ind) == {"ablyazov-hideout-villa"}
    assert not _stated(store, arrest)["date"]


def test_the_six_billion_dollars_is_an_alleged_amount_and_no_embezzlement_conviction_exists(store):
    ind = "independent-2015"
    assert _figure(store, "ablyazov-alleged-embezzlement-6bn", ind) == (6e9, "usd", None, None)
    assert _figure(store, "ablyazov-alleged-embezzlement-up-to-6bn", ind) == (6e9, "usd", None, "up-to")
    for figure in ("ablyazov-alleged-embezzlement-6bn", "ablyazov-alleged-embezzlement-up-to-6bn"):
        assert _objects(store, figure, "allegedly", ind) == {"true"}, figure
        assert _objects(store, figure, "breakdown", ind) == {"bta-bank"}, figure
    # the charges are faced in Russia or Ukraine: a charge, not a finding
    charge = "ablyazov-charges-russia-ukraine"
    assert _class(store, charge) == {"Charge"}
    assert _objects(store, charge, "place", ind) == {"russia", "ukraine"}
    assert _objects(store, charge, "allegedly", ind) == {"true"}
    assert not _ask(store, """ASK { GRAPH kzg:entities { ?c a ?k FILTER(?k IN (kzc:Conviction, kzc:Trial)) }
                                   GRAPH ?g { ?c kzc:offence kzv:embezzlement } }""")
    assert not _ask(store, """ASK { GRAPH kzg:entities { ?c a kzc:Conviction }
                                   GRAPH ?g { ?c kzc:target kz:mukhtar-ablyazov ; kzc:offence ?o
                                              FILTER(?o != kzv:contempt-of-court) } }""")


def test_bta_losses_came_to_light_in_2009_and_its_receivers_took_carlton_house_through_the_high_court(store):
    ind = "independent-2015"
    # "multi-billion" is kept as a lower bound, dated 2009
    assert _figure(store, "bta-losses-found-2009", ind) == (1e9, "usd", "2009", "more-than")
    assert _objects(store, "bta-accounts-losses-found-2009", "date", ind) == {"2009"}
    assert _objects(store, "bta-bank-nationalisation", "target", ind) == {"bta-bank"}
    lenders = {"royal-bank-of-scotland", "barclays", "standard-chartered", "hsbc"}
    assert _objects(store, "bta-bank-nationalisation", "victim", ind) == lenders
    for bank in lenders:
        assert _objects(store, bank, "creditorOf", ind) == {"bta-bank"}, bank
    pursuit = "bta-receivers-asset-pursuit"
    assert _objects(store, pursuit, "agent", ind) == {"bta-bank-receivers"}
    assert _objects(store, pursuit, "target", ind) == {"mukhtar-ablyazov"}
    assert _objects(store, pursuit, "participant", ind) == {"london-high-court"}
    seizure = "carlton-house-seizure"
    assert _class(store, seizure) == {"AssetSeizure"}
    assert _objects(store, seizure, "agent", ind) == {"bta-bank-receivers"}
    assert _objects(store, seizure, "place", ind) == {"carlton-house-london"}
    assert _objects(store, "carlton-house-london", "locatedIn", ind) == {"the-bishops-avenue"}


def test_alma_and_alua_removed_from_italy_about_2013_which_alma_and_madina_call_a_kidnapping(store):
    ind = "independent-2015"
    removal = "alma-alua-deportation-italy-2013"
    assert _class(store, removal) == {"Deportation"}
    assert _objects(store, removal, "origin", ind) == {"italy"}
    assert _objects(store, removal, "target", ind) == {"alma-ablyazova", "alua-ablyazova"}
    assert _objects(store, removal, "date", ind) == {"2013"}
    # "two years" before the March 2015 article: the year is marked as approximate
    assert "approximate" in next(iter(_objects(store, removal, "note", ind)))
    kidnapping = "alma-madina-kidnapping-claim"
    assert _objects(store, kidnapping, "claimant", ind) == {"alma-ablyazova", "madina-ablyazova"}
    assert _objects(store, kidnapping, "stance", ind) == {"disputes"}
    assert _objects(store, kidnapping, "conflictsWith", ind) == {removal, "forged-car-passports-account"}
    assert _objects(store, "forged-car-passports-account", "claimant", ind) == {"jim-armitage"}
    assert _objects(store, "alma-madina-passports-genuine-claim", "conflictsWith", ind) == {
        "forged-car-passports-account"}


# --- sec17: the Taraz self-immolation (Joanna Lillis, 26 October 2015) --------------------------------------


def test_bektibayev_set_himself_alight_on_24_october_2015_outside_nur_otans_office_in_taraz(store):
    lillis = "lillis-2015"
    protest = "bektibayev-self-immolation-2015"
    assert _class(store, protest) == {"Protest"}
    assert _objects(store, protest, "date", lillis) == {"2015-10-24"}
    assert _objects(store, protest, "agent", lillis) == {"yerlan-bektibayev"}
    assert _objects(store, protest, "place", lillis) == {"nur-otan-taraz-headquarters"}
    assert _objects(store, "nur-otan-taraz-headquarters", "locatedIn", lillis) == {"taraz"}
    assert _objects(store, "taraz", "locatedIn", lillis) == {"southern-kazakhstan"}
    assert _objects(store, "yerlan-bektibayev", "age", lillis) == {"20"}
    # he died of his burns that month; the video went up on YouTube
    death = "bektibayev-death-2015"
    assert _objects(store, death, "target", lillis) == {"yerlan-bektibayev"}
    assert _objects(store, death, "cause", lillis) == {protest}
    assert _objects(store, death, "date", lillis) == {"2015-10"}
    assert _objects(store, "bektibayev-video-2015", "participant", lillis) == {"youtube"}


def test_bektibayev_blames_police_and_courts_in_his_own_words(store):
    lillis = "lillis-2015"
    injustice = "bektibayev-injustice-claim"
    assert _objects(store, injustice, "claimant", lillis) == {"yerlan-bektibayev"}
    assert _objects(store, injustice, "about", lillis) >= {"national-police", "kazakhstan-judicial-system"}
    jailing = "bektibayev-wrongful-jailing-claim"
    assert (_objects(store, jailing, "stance", lillis), _objects(store, jailing, "offence", lillis)) == (
        {"denies"}, {"murder"})
    planted = "bektibayev-planted-drugs-claim"
    assert _objects(store, planted, "about", lillis) == {"national-police"}
    assert _objects(store, planted, "commodity", lillis) == {"marijuana"}


def test_spokesmans_word_on_earlier_convictions_stays_a_claim_against_bektibayevs_account(store):
    lillis = "lillis-2015"
    convictions = "abdihalyk-prior-convictions-claim"
    assert _class(store, convictions) == {"Claim"}
    assert _objects(store, convictions, "claimant", lillis) == {"zhasulan-abdihalyk"}
    assert _objects(store, convictions, "about", lillis) == {"yerlan-bektibayev"}
    assert _objects(store, convictions, "offence", lillis) == {"drug-possession"}
    assert _objects(store, convictions, "conflictsWith", lillis) == {"bektibayev-wrongful-jailing-claim",
                                                                      "bektibayev-planted-drugs-claim"}
    # the only thing that happens *to* him in the graph is his death: no arrest, charge, trial or conviction
    targeted = {r["c"].value.rsplit("#", 1)[-1] for r in _rows(store, """
        SELECT ?c WHERE { GRAPH ?g { ?a kzc:target kz:yerlan-bektibayev } GRAPH kzg:entities { ?a a ?c } }""")}
    assert targeted == {"Death"}
    assert _objects(store, "abdihalyk-assistance-claim", "about", lillis) == {"bektibayev-self-immolation-2015"}
    assert _objects(store, "abdihalyk-assistance-claim", "stance", lillis) == {"asserts"}


def test_the_spokesman_speaks_for_nur_otan_in_taraz_and_nazarbayev_leads_the_party(store):
    lillis = "lillis-2015"
    assert _objects(store, "zhasulan-abdihalyk", "affiliatedWith", lillis) == {"nur-otan"}
    assert _objects(store, "zhasulan-abdihalyk", "basedIn", lillis) == {"taraz"}
    assert ("nur-otan", lillis) in _stated(store, "nursultan-nazarbayev")["leads"]
    # direction: the party does not lead Nazarbayev, and he is not its spokesman
    assert not _ask(store, "ASK { GRAPH ?g { kz:nur-otan kzc:leads kz:nursultan-nazarbayev } }")
    assert not _ask(store, "ASK { GRAPH ?g { kz:nursultan-nazarbayev kzc:affiliatedWith kz:nur-otan } }")


def test_inmates_slashed_their_abdomens_in_a_central_kazakhstan_prison_in_2011(store):
    lillis = "lillis-2015"
    protest = "central-kazakhstan-prison-protest-2011"
    assert _class(store, protest) == {"Protest"}
    assert _objects(store, protest, "date", lillis) == {"2011"}
    assert _objects(store, protest, "agent", lillis) == {"central-kazakhstan-prison-inmates-2011"}
    assert _objects(store, protest, "place", lillis) == {"central-kazakhstan-prison-2011"}
    assert _objects(store, "central-kazakhstan-prison-2011", "locatedIn", lillis) == {"central-kazakhstan"}
    context = "lillis-self-harm-as-protest"
    assert _objects(store, context, "claimant", lillis) == {"joanna-lillis"}
    assert _objects(store, context, "about", lillis) == {"bektibayev-self-immolation-2015", protest}
