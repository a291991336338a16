"""Overview (sec01), crime in the 1990s (sec02), civil unrest (sec03), rape and domestic violence (sec05).

Facts a user looks up in these sections keep their figure, year, unit, place and reporting source: the
2006 and 1996 Library of Congress texts, the 2016 OSAC report and the 2014 State Department human rights
report each hold their own statements in ``graph/source/<id>``. Claims keep claimant and stance,
relations keep their direction, and reported misconduct stays a report (``kzc:allegedly``), never a
conviction. These tests read the committed graph (``graph/kazcrime.nq``), built from
``graph/facts/overview-and-1990s.yaml``, ``graph/facts/rape-domestic-violence.yaml`` and
``graph/facts/common.yaml``.
"""

from __future__ import annotations

from graphquery import SOURCE_GRAPH as SOURCE, ask as _ask, rows as _rows, short as _short, stated as _record


def _values(rec, prop):
    return {v for v, _ in rec.get(prop, ())}


def _one(rec, prop):
    values = _values(rec, prop)
    assert len(values) == 1, (prop, values)
    return values.pop()


def _num(rec, prop):
    return float(_one(rec, prop))


def _sources(rec):
    return {g for pairs in rec.values() for _, g in pairs}


def _types(store, rid):
    rows = _rows(store, f"SELECT ?c WHERE {{ GRAPH kzg:entities {{ kz:{rid} a ?c }} }}")
    return {_short(r["c"]) for r in rows}


def _relation(store, s, p, o, o_prefix="kz"):
    """The source graphs that hold the triple s p o (an empty set when none does); o may be a concept (kzv)."""
    rows = _rows(store, f"""
        SELECT ?g WHERE {{ GRAPH ?g {{ kz:{s} kzc:{p} {o_prefix}:{o} }} FILTER(STRSTARTS(STR(?g), "{SOURCE}")) }}""")
    return {r["g"].value[len(SOURCE):] for r in rows}


# --- sec01: overview and travel safety -------------------------------------------------------------


def test_afghan_drugs_are_smuggled_through_kazakhstan_towards_russia_and_seizures_rose_in_2006(store):
    flow = _record(store, "afghan-narcotics-smuggling-via-kazakhstan")
    assert _values(flow, "origin") == {"afghanistan"}
    assert _values(flow, "transit") == {"kazakhstan"}
    assert _values(flow, "destination") == {"russia"}
    assert _values(flow, "actor") == {"organised-narcotics-smugglers"}
    assert _sources(flow) == {"loc-2006"}
    seizures = _record(store, "loc2006-afghan-drug-seizures-rose-2006")
    assert _values(seizures, "claimant") == {"library-of-congress"}
    assert _one(seizures, "refPeriod") == "2006"
    assert _sources(seizures) == {"loc-2006"}


def test_the_2006_profile_says_crime_figures_are_missing_but_smuggling_and_trafficking_thrive(store):
    missing = _record(store, "loc2006-crime-figures-unavailable")
    assert "Claim" in _types(store, "loc2006-crime-figures-unavailable")
    assert (_one(missing, "claimant"), _one(missing, "stance")) == ("library-of-congress", "asserts")
    assert _values(missing, "about") == {"kazakhstan"}
    assert _sources(missing) == {"loc-2006"}
    thriving = _record(store, "loc2006-smuggling-and-trafficking-prospered")
    assert _values(thriving, "claimant") == {"library-of-congress"}
    assert _values(thriving, "about") >= {"drug-trafficking", "human-trafficking"}
    assert _sources(thriving) == {"loc-2006"}


def test_osac_rates_crime_no_worse_than_a_us_city_and_warns_against_crowded_buses_and_gypsy_cabs(store):
    expected = {
        "osac-crime-on-par-with-us-cities": "asserts",
        "osac-petty-theft-main-risk-to-americans": "asserts",
        "osac-avoid-crowded-transport": "warns",
        "osac-gypsy-cab-warning": "warns",
    }
    for claim, stance in expected.items():
        rec = _record(store, claim)
        assert (_one(rec, "claimant"), _one(rec, "stance")) == ("osac", stance), claim
        assert _sources(rec) == {"osac-2016"}, claim
    assert "petty-theft" in _values(_record(store, "osac-petty-theft-main-risk-to-americans"), "about")
    assert "public-transport" in _values(_record(store, "osac-avoid-crowded-transport"), "about")
    # OSAC is part of the State Department, not the other way round
    assert _ask(store, "ASK { GRAPH ?g { kz:osac kzc:subOrganizationOf kz:us-state-department } }")
    assert not _ask(store, "ASK { GRAPH ?g { kz:us-state-department kzc:subOrganizationOf kz:osac } }")


def test_us_missions_know_of_foreigners_drugged_and_robbed_in_bars_of_almaty_and_astana(store):
    bars = _record(store, "us-missions-bar-druggings")
    assert _values(bars, "claimant") >= {"us-embassy-kazakhstan", "us-consulate-kazakhstan"}
    assert _values(bars, "place") == {"almaty", "astana"}
    assert _values(bars, "about") >= {"robbery", "bars-and-nightclubs"}
    assert _one(bars, "stance") == "reports"
    assert _sources(bars) == {"osac-2016"}
    # the car break-ins are the consulate's reports
    cars = _record(store, "us-consulate-smash-and-grab-reports")
    assert "us-consulate-kazakhstan" in _values(cars, "claimant")
    assert _values(cars, "about") == {"vehicle-break-in"}
    assert _relation(store, "us-embassy-kazakhstan", "basedIn", "kazakhstan") == {"osac-2016"}
    assert not _relation(store, "kazakhstan", "basedIn", "us-embassy-kazakhstan")


def test_kazakhstan_and_uzbekistan_set_up_economic_crime_police_units_in_1995_and_1996(store):
    for country, agent in (("kazakhstan", "government-of-kazakhstan"), ("uzbekistan", "uzbekistan")):
        event = _record(store, f"{country}-economic-crime-units-created")
        assert (_one(event, "date"), _one(event, "endDate")) == ("1995", "1996"), country
        assert _values(event, "agent") == {agent}
        assert _values(event, "participant") == {f"{country}-economic-crime-police-units"}
        assert _values(event, "offence") >= {"economic-crime", "organised-crime"}
        assert _sources(event) == {"loc-1996"}, country
        assert _relation(store, f"{country}-economic-crime-police-units", "basedIn", country) == {"loc-1996"}


def test_crime_statistics_1990_to_1994_rise_in_kazakhstan_and_kyrgyzstan_but_fall_in_the_other_three(store):
    rising = _record(store, "kz-kg-crime-statistics-1990-1994")
    assert _values(rising, "claimant") == {"kazakhstan", "kyrgyzstan"}
    assert (_one(rising, "refPeriod"), _one(rising, "periodEnd")) == ("1990", "1994")
    falling = _record(store, "other-republics-crime-statistics-1990-1994")
    assert {"uzbekistan", "tajikistan"} <= _values(falling, "claimant")
    assert not _values(falling, "claimant") & {"kazakhstan", "kyrgyzstan"}
    assert (_one(falling, "refPeriod"), _one(falling, "periodEnd")) == ("1990", "1994")
    # the falls sit against the study's picture of rising crime, and the study doubts the weaker records
    assert "loc1996-crime-rising-across-central-asia" in _values(falling, "conflictsWith")
    doubt = _record(store, "loc1996-doubts-other-republics-records")
    assert (_one(doubt, "claimant"), _one(doubt, "stance")) == ("library-of-congress", "doubts")
    assert _values(doubt, "about") == {"other-republics-crime-statistics-1990-1994"}
    assert _sources(rising) == _sources(falling) == _sources(doubt) == {"loc-1996"}


# --- sec02: crime in the 1990s -------------------------------------------------------------------


def test_reported_crime_grew_about_a_quarter_a_year_after_independence_then_about_16_percent_early_1995(store):
    yearly = _record(store, "crime-growth-since-independence")
    assert _one(yearly, "measure") == "crime-growth-rate"
    assert (_num(yearly, "value"), _one(yearly, "unit"), _one(yearly, "qualifier")) == (25.0, "percent", "approximately")
    # independence came at the end of 1991; the slowdown is dated to early 1995
    assert (_one(yearly, "refPeriod"), _one(yearly, "periodEnd")) == ("1992", "1994")
    slower = _record(store, "crime-growth-early-1995")
    assert (_num(slower, "value"), _one(slower, "unit"), _one(slower, "qualifier")) == (16.0, "percent", "approximately")
    assert _one(slower, "refPeriod") == "1995"
    assert _sources(yearly) == _sources(slower) == {"loc-1996"}


def test_crime_rate_averaged_about_50_per_10000_with_six_regions_well_above_it(store):
    rate = _record(store, "crime-rate-kazakhstan-mid-1990s")
    assert (_num(rate, "value"), _one(rate, "unit"), _one(rate, "qualifier")) == (50.0, "per-10k", "approximately")
    assert _one(rate, "refArea") == "kazakhstan"
    assert "refPeriod" not in rate  # the study gives the average no year
    assert _sources(rate) == {"loc-1996"}
    higher = _record(store, "loc1996-crime-higher-in-six-regions")
    assert _values(higher, "about") == {"qaraghandy-region", "north-kazakhstan-region", "east-kazakhstan-region",
                                        "aqmola-region", "pavlodar-region", "almaty-region"}
    assert _values(higher, "claimedValue") == {"crime-rate-kazakhstan-mid-1990s"}
    assert _one(higher, "claimant") == "library-of-congress"


def test_crimes_solved_fell_below_60_percent_nationally_and_to_30_in_karaganda_and_temirtau(store):
    national = _record(store, "crime-solving-rate-kazakhstan-mid-1990s")
    assert (_num(national, "value"), _one(national, "unit"), _one(national, "qualifier")) == (60.0, "percent", "less-than")
    assert _one(national, "refArea") == "kazakhstan"
    for rid, city in (("crime-solving-rate-qaraghandy-city", "qaraghandy-city"), ("crime-solving-rate-temirtau", "temirtau")):
        rec = _record(store, rid)
        assert (_num(rec, "value"), _one(rec, "unit"), _one(rec, "refArea")) == (30.0, "percent", city)
        assert _sources(rec) == {"loc-1996"}
        assert _relation(store, city, "locatedIn", "kazakhstan")
    # the 30 percent is for the city of Karaganda, not the region
    assert "City" in _types(store, "qaraghandy-city")


def test_young_convicts_rose_from_5_percent_in_1988_to_58_percent_in_1992_with_soviet_data_doubted(store):
    for rid, value, year in (("convicts-under-30-share-1988", 5.0, "1988"), ("convicts-under-30-share-1992", 58.0, "1992")):
        rec = _record(store, rid)
        assert _one(rec, "measure") == "share-convicts-under-30"
        assert (_num(rec, "value"), _one(rec, "unit"), _one(rec, "refPeriod")) == (value, "percent", year)
        assert _sources(rec) == {"loc-1996"}
    doubt = _record(store, "loc1996-doubts-soviet-crime-statistics")
    assert (_one(doubt, "claimant"), _one(doubt, "stance")) == ("library-of-congress", "doubts")
    assert _values(doubt, "about") >= {"convicts-under-30-share-1988", "convicts-under-30-share-1992"}


def test_police_of_the_1990s_went_unpaid_in_almaty_and_were_over_2000_short_before_independence(store):
    unpaid = _record(store, "almaty-police-unpaid-months-1995")
    assert (_num(unpaid, "value"), _one(unpaid, "unit")) == (3.0, "months")
    assert (_one(unpaid, "refArea"), _one(unpaid, "refPeriod")) == ("almaty", "1995")
    assert _sources(unpaid) == {"loc-1996"}
    short = _record(store, "militia-staff-shortfall-pre-independence")
    assert (_num(short, "value"), _one(short, "unit"), _one(short, "qualifier")) == (2000.0, "count", "more-than")
    # the complaint came from the militia's own authorities, as the study reports it
    complaint = _record(store, "militia-staffing-complaint")
    assert (_one(complaint, "claimant"), _one(complaint, "claimedValue")) == ("national-police", "militia-staff-shortfall-pre-independence")
    # officers taking part in crime: the police engage in complicity, not the reverse
    assert _relation(store, "national-police", "engagesIn", "official-complicity", "kzv") == {"loc-1996"}


def test_nazarbayev_ordered_police_anticorruption_measures_in_september_1995_and_bribery_stays_reported(store):
    measures = _record(store, "nazarbayev-police-anticorruption-measures-1995")
    assert "PolicyMeasure" in _types(store, "nazarbayev-police-anticorruption-measures-1995")
    assert _one(measures, "date") == "1995-09"
    assert (_one(measures, "agent"), _one(measures, "target")) == ("nursultan-nazarbayev", "national-police")
    assert _values(measures, "topic") == {"corruption"}
    assert _relation(store, "nursultan-nazarbayev", "holdsPost", "president-of-kazakhstan")
    killings = _record(store, "contract-murder-and-gang-clash-rise-1995")
    assert _one(killings, "date") == "1995"
    assert "contract-murder" in _values(killings, "offence")
    cited = _record(store, "nazarbayev-cites-contract-murders")
    assert (_one(cited, "claimant"), _one(cited, "about")) == ("nursultan-nazarbayev", "contract-murder-and-gang-clash-rise-1995")
    # near-universal bribe-taking is something the study heard, not a finding against anyone
    bribes = _record(store, "loc1996-bribe-taking-ubiquitous")
    assert (_one(bribes, "stance"), _one(bribes, "allegedly")) == ("reports", "true")
    assert not _ask(store, f"""ASK {{ GRAPH kzg:entities {{ ?x a ?c FILTER(?c IN (kzc:Conviction, kzc:Charge)) }}
                                  GRAPH <{SOURCE}loc-1996> {{ ?x ?p ?o }} }}""")


# --- sec03: civil unrest -----------------------------------------------------------------------


def test_mangistau_riots_of_december_2011_in_which_authorities_shot_protesters(store):
    riots = _record(store, "mangistau-riots-2011")
    assert "Unrest" in _types(store, "mangistau-riots-2011")
    assert (_one(riots, "date"), _one(riots, "place")) == ("2011-12", "mangistau-region")
    killing = _record(store, "mangistau-protester-killings-2011")
    assert "Killing" in _types(store, "mangistau-protester-killings-2011")
    assert _one(killing, "date") == "2011-12"
    # the authorities shot the protesters, not the other way round
    assert (_one(killing, "agent"), _one(killing, "victim")) == ("government-of-kazakhstan", "mangistau-protesters-2011")
    assert _relation(store, "mangistau-protester-killings-2011", "partOf", "mangistau-riots-2011")
    assert not _relation(store, "mangistau-riots-2011", "partOf", "mangistau-protester-killings-2011")
    assert _sources(riots) == _sources(killing) == {"osac-2016"}
    assert _ask(store, "ASK { GRAPH ?g { kz:mangistau-region kzc:locatedIn kz:kazakhstan } }")


def test_the_compiler_not_osac_says_the_government_kept_unrest_down_and_the_riots_contradict_it(store):
    claim = _record(store, "government-discouraged-unrest")
    # the sentence stands before "according to OSAC": the compiler's own words in a paragraph citing OSAC
    assert (_one(claim, "claimant"), _one(claim, "stance")) == ("document-compiler", "asserts")
    assert _sources(claim) == {"osac-2016"}
    assert _one(claim, "conflictsWith") == "mangistau-riots-2011"


def test_kazakhs_chechens_and_uighurs_clash_in_villages_around_almaty_over_local_grievances(store):
    clashes = _record(store, "ethnic-clashes-near-almaty")
    assert _values(clashes, "participant") == {"kazakhs", "chechens", "uighurs"}
    assert _one(clashes, "place") == "villages-outside-almaty"
    assert "corruption" in _values(clashes, "cause")
    assert _sources(clashes) == {"osac-2016"}
    for group in ("kazakhs", "chechens", "uighurs"):
        assert _relation(store, group, "involvedIn", "ethnic-clashes-near-almaty") == {"osac-2016"}, group
        assert not _relation(store, "ethnic-clashes-near-almaty", "involvedIn", group), group
    assert _relation(store, "villages-outside-almaty", "near", "almaty")


def test_most_demonstrations_draw_fewer_than_20_people_and_police_usually_disperse_them_peacefully(store):
    size = _record(store, "demonstration-size-typical")
    assert _one(size, "measure") == "demonstration-size"
    assert (_num(size, "value"), _one(size, "unit"), _one(size, "qualifier")) == (20.0, "count", "less-than")
    assert "refPeriod" not in size  # a general description, no year
    small = _record(store, "osac-demonstrations-small")
    assert (_one(small, "claimant"), _one(small, "claimedValue")) == ("osac", "demonstration-size-typical")
    police = _record(store, "osac-police-disperse-peacefully")
    assert _one(police, "claimant") == "osac"
    assert _values(police, "about") >= {"national-police", "demonstration-permit-rule"}
    assert "Law" in _types(store, "demonstration-permit-rule")
    advice = _record(store, "osac-avoid-demonstrations")
    assert (_one(advice, "claimant"), _one(advice, "stance")) == ("osac", "warns")
    assert _sources(size) == _sources(small) == _sources(police) == {"osac-2016"}


def test_terrorist_activity_spiked_for_six_months_of_2011_against_the_government(store):
    spike = _record(store, "terrorism-spike-2011")
    assert _one(spike, "date") == "2011"
    assert (_one(spike, "offence"), _one(spike, "target")) == ("terrorism", "government-of-kazakhstan")
    duration = _record(store, "terrorism-spike-2011-duration")
    assert (_num(duration, "value"), _one(duration, "unit"), _one(duration, "refPeriod")) == (6.0, "months", "2011")
    assert _sources(spike) == _sources(duration) == {"osac-2016"}


def test_local_builders_say_foreign_workers_earn_more_in_the_clashes_between_them(store):
    clashes = _record(store, "construction-worker-clashes")
    assert _values(clashes, "participant") == {"foreign-construction-workers", "kazakhstani-construction-workers"}
    assert "date" not in clashes  # the report dates none of these clashes
    complaint = _record(store, "local-builders-wage-complaint")
    assert (_one(complaint, "claimant"), _one(complaint, "about")) == ("kazakhstani-construction-workers",
                                                                       "construction-worker-clashes")
    rare = _record(store, "osac-unrest-rare")
    assert (_one(rare, "claimant"), _one(rare, "stance")) == ("osac", "asserts")
    assert _sources(clashes) == _sources(complaint) == _sources(rare) == {"osac-2016"}


# --- sec05: rape and domestic violence ------------------------------------------------------------


def test_rape_carries_3_to_15_years_and_official_reluctance_to_act_stays_an_anecdotal_report(store):
    term = _record(store, "rape-sentence-range")
    assert _one(term, "measure") == "sentence-length"
    assert (_num(term, "value"), _num(term, "maxValue"), _one(term, "unit")) == (3.0, 15.0, "years")
    assert _values(term, "breakdown") == {"rape", "spousal-rape"}
    assert _sources(term) == {"state-hrr-2014"}
    assert "Law" in _types(store, "rape-complaint-rule")
    reluctance = _record(store, "reluctance-to-act-on-rape")
    assert (_one(reluctance, "claimant"), _one(reluctance, "stance")) == ("us-state-department", "reports")
    assert _one(reluctance, "allegedly") == "true"
    assert _values(reluctance, "about") >= {"national-police", "spousal-rape"}
    assert _sources(reluctance) == {"state-hrr-2014"}
    # nothing in this report is recorded as a charge or a conviction
    assert not _ask(store, f"""ASK {{ GRAPH kzg:entities {{ ?x a ?c FILTER(?c IN (kzc:Conviction, kzc:Charge)) }}
                                  GRAPH <{SOURCE}state-hrr-2014> {{ ?x ?p ?o }} }}""")


def test_the_president_signed_the_domestic_violence_law_in_february_2014(store):
    signing = _record(store, "domestic-violence-law-signing-2014")
    assert _one(signing, "date") == "2014-02"
    assert (_one(signing, "agent"), _one(signing, "law")) == ("president-of-kazakhstan", "domestic-violence-law-2014")
    assert _one(_record(store, "domestic-violence-law-2014"), "date") == "2014-02"
    assert "Law" in _types(store, "domestic-violence-law-2014")
    # the law swaps fines for administrative arrest and lets abusers be barred from the victim's home
    for measure in ("dv-law-2014-arrest-replaces-fines", "dv-law-2014-cohabitation-ban"):
        assert _one(_record(store, measure), "law") == "domestic-violence-law-2014", measure
    assert _sources(signing) == {"state-hrr-2014"}


def test_battery_sentences_spousal_up_to_10_years_like_any_assault_and_120_to_180_hours_for_light_battery(store):
    spousal = _record(store, "spousal-battery-max-sentence")
    general = _record(store, "assault-max-sentence")
    for rec in (spousal, general):
        assert (_num(rec, "value"), _one(rec, "unit"), _one(rec, "qualifier")) == (10.0, "years", "up-to")
    assert _values(spousal, "breakdown") == {"spousal-battery"}
    assert _values(general, "breakdown") == {"assault"}
    serious = _record(store, "serious-battery-sentence-range")  # three months to three years
    assert (_num(serious, "value"), _num(serious, "maxValue"), _one(serious, "unit")) == (3.0, 36.0, "months")
    aggravated = _record(store, "aggravated-battery-max-sentence")
    assert (_num(aggravated, "value"), _one(aggravated, "unit"), _one(aggravated, "breakdown")) == (10.0, "years", "aggravated-battery")
    light = _record(store, "light-battery-community-work")
    assert (_num(light, "value"), _num(light, "maxValue"), _one(light, "unit")) == (120.0, 180.0, "hours")
    assert "light-battery" in _values(light, "breakdown")
    detention = _record(store, "abuser-administrative-detention")
    assert (_num(detention, "value"), _one(detention, "unit")) == (24.0, "hours")
    for rec in (spousal, general, serious, aggravated, light, detention):
        assert _sources(rec) == {"state-hrr-2014"}


def test_one_family_in_four_and_ten_percent_investigated_are_estimates_of_activists_and_ngos(store):
    families = _record(store, "families-affected-by-dv-2014")
    assert (_num(families, "value"), _one(families, "unit")) == (0.25, "share-of-families")
    assert _one(families, "claimant") == "dv-activists"  # the report credits activists here, not NGOs
    claim = _record(store, "activists-one-in-four-families")
    assert (_one(claim, "claimant"), _one(claim, "stance"), _one(claim, "claimedValue")) == (
        "dv-activists", "estimates", "families-affected-by-dv-2014")
    investigated = _record(store, "dv-cases-investigated-2014")
    assert (_num(investigated, "value"), _one(investigated, "unit"), _one(investigated, "qualifier")) == (
        10.0, "percent", "approximately")
    assert _one(investigated, "claimant") == "kazakh-ngos"
    ngo_claim = _record(store, "ngos-police-investigate-10-percent")
    assert (_one(ngo_claim, "claimant"), _one(ngo_claim, "stance")) == ("kazakh-ngos", "estimates")
    for rec in (families, claim, investigated, ngo_claim):
        assert _sources(rec) == {"state-hrr-2014"}


def test_government_counted_29_crisis_centres_for_women_and_2_for_men_in_2013_while_ngos_count_20(store):
    women = _record(store, "crisis-centres-women-2013-government")
    men = _record(store, "crisis-centres-men-2013-government")
    ngos = _record(store, "crisis-centres-active-ngos")
    assert (_num(women, "value"), _one(women, "breakdown"), _one(women, "refPeriod")) == (29.0, "women", "2013")
    assert (_num(men, "value"), _one(men, "breakdown"), _one(men, "refPeriod")) == (2.0, "men", "2013")
    assert _one(women, "claimant") == _one(men, "claimant") == "government-of-kazakhstan"
    assert (_num(ngos, "value"), _one(ngos, "claimant")) == (20.0, "kazakh-ngos")
    assert "refPeriod" not in ngos  # the sentence dates only the government's statement
    assert "crisis-centres-active-ngos" in _values(women, "conflictsWith")
    said = _record(store, "government-crisis-centres-2013")
    assert (_one(said, "claimant"), _one(said, "date")) == ("government-of-kazakhstan", "2013")
    assert "ngos-crisis-centres-active" in _values(said, "conflictsWith")
    assert _one(_record(store, "ngos-crisis-centres-active"), "stance") == "disputes"
    shelters = _record(store, "crisis-centres-with-shelter")
    assert (_num(shelters, "value"), _one(shelters, "unit")) == (6.0, "count")
    for rec in (women, men, ngos, said, shelters):
        assert _sources(rec) == {"state-hrr-2014"}


def test_osce_center_and_interior_ministry_trained_the_womens_protection_police_in_five_seminars(store):
    seminars = _record(store, "osce-police-dv-seminars-2014")
    assert _values(seminars, "agent") == {"osce-center", "ministry-of-internal-affairs"}
    assert _values(seminars, "participant") == {"interior-ministry-womens-protection-division"}
    assert float(_one(seminars, "count")) == 5.0
    count = _record(store, "osce-dv-training-seminars-2014")
    assert (_num(count, "value"), _one(count, "unit")) == (5.0, "count")
    # the report places the seminars in its own year ("during the year" of the 2014 report)
    assert _one(seminars, "date") == "2014"
    # the division belongs to the ministry and the field office to the OSCE, not the reverse
    assert _relation(store, "interior-ministry-womens-protection-division", "subOrganizationOf",
                     "ministry-of-internal-affairs") == {"state-hrr-2014"}
    assert not _relation(store, "ministry-of-internal-affairs", "subOrganizationOf",
                         "interior-ministry-womens-protection-division")
    assert _relation(store, "osce-center", "subOrganizationOf", "osce") == {"state-hrr-2014"}
    assert not _relation(store, "osce", "subOrganizationOf", "osce-center")
    assert _relation(store, "osce-center", "basedIn", "kazakhstan")
    assert _sources(seminars) == {"state-hrr-2014"}
