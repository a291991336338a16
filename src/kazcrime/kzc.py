"""The kazcrime ontology's terms (generated from ontology/kazcrime.ttl by kazcrime.namespace_gen; do not edit)."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KZC(DefinedNamespace):
    """kazcrime ontology: crime, policing and justice in Kazakhstan.

    Generated from: kazcrime.ttl
    """

    _fail = True

    # Classes
    Accusation: URIRef  # Someone is accused of an offence (by a person, a body or unnamed accusers).
    Acquittal: URIRef  # A court acquits someone or drops the case.
    Allegation: URIRef  # A legal action that states wrongdoing without a finding of guilt. Views and pages label thes
    Arrest: URIRef  # Someone is arrested, detained or apprehended.
    AssetSeizure: URIRef  # Assets are pursued or seized.
    Bank: URIRef  # A bank or other financial institution.
    Border: URIRef  # A border or frontier, or a stretch of one (for example Kazakhstan's southern borders).
    Case: URIRef  # A legal case or affair that groups events and people, such as the BTA Bank case.
    Charge: URIRef  # Someone formally faces criminal charges before an authority.
    City: URIRef  # A populated place.
    Claim: URIRef  # A statement that someone makes, with a stance (asserts, denies, estimates, ...). Contested statem
    Company: URIRef  # A business other than a bank.
    Convention: URIRef  # A treaty, convention or bilateral agreement.
    Conviction: URIRef  # A court finds someone guilty or sentences them.
    Country: URIRef  # A sovereign state.
    Court: URIRef  # A court of any country and instance.
    CriminalGroup: URIRef  # An organised-crime group or a collective of criminals named or characterised in the text
    DataSet: URIRef  # A series or a group of figures from one passage of the document.
    Death: URIRef  # A death other than a killing (in custody, by suicide, of illness).
    Deportation: URIRef  # Someone is expelled from a country. Competing descriptions of the same act are claims about
    Discovery: URIRef  # Bodies, losses or material found or uncovered.
    EthnicGroup: URIRef  # An ethnic or national group.
    Event: URIRef  # Something that happened, dated as precisely as the text allows.
    Extradition: URIRef  # A transfer, or an ordered transfer, of a person to another country's justice.
    Facility: URIRef  # A prison, border post, house or other site.
    FactRecord: URIRef  # The provenance of one curated fact: the triple (reified), the sentences that support it, its
    Flight: URIRef  # Someone fleeing a country or going into hiding.
    Government: URIRef  # The government of a country as a whole, when the text speaks of it as one actor.
    GovernmentBody: URIRef  # A ministry, agency, committee, police force, procuracy, parliament or other state instit
    InstitutionalChange: URIRef  # A reorganisation, appointment, new unit, transfer of powers or nationalisation.
    InternationalOrganization: URIRef  # An intergovernmental or international body (UN agencies, Interpol, OSCE, Red
    Investigation: URIRef  # An investigation opened by an authority.
    Killing: URIRef  # A killing or mass murder.
    Law: URIRef  # A law, code or legal provision.
    LawEnforcementAgency: URIRef  # A state body that polices, investigates or guards: police (militia), security serv
    LawMaking: URIRef  # A law signed, adopted or amended, or a convention ratified or extended.
    LegalAction: URIRef  # An act of accusing, charging, arresting, trying, convicting, acquitting, extraditing or dep
    LinkRecord: URIRef  # The provenance of one link (or failed match) from a kazcrime record to an external dataset:
    MediaOrganization: URIRef  # A news outlet, journal, platform or publisher that the text cites or mentions.
    NaturalFeature: URIRef  # A mountain range, river or similar.
    NonGovernmentalOrganization: URIRef  # An NGO, or NGOs as a category when the text speaks of them collectively.
    Observation: URIRef  # One figure: a value with its measure, unit, period, area and the source that states it.
    Organization: URIRef  # Any named body: state agency, court, party, bank, company, NGO, international body, publis
    Paragraph: URIRef  # A paragraph, attributed to a cited source.
    Passage: URIRef  # A section, paragraph or sentence of a source document, located by character offsets; the text i
    PeopleGroup: URIRef  # An ethnic, national or social group the text speaks of as a whole (Chechens, Georgian natio
    Person: URIRef  # A named individual. Roles are recorded as posts held or as qualified relations, with dates where
    Place: URIRef  # A geographic place.
    PolicyMeasure: URIRef  # Measures ordered by an authority, training programmes, bans.
    PoliticalParty: URIRef  # A political party.
    Post: URIRef  # An office that a person can hold, such as President of Kazakhstan or Deputy Interior Minister.
    ProtectedArea: URIRef  # A national park or reserve.
    Protest: URIRef  # A protest, including acts of self-harm made as a protest.
    Region: URIRef  # An oblast, province or other region within a country, or a wider world region such as Central As
    Report: URIRef  # A report, study or official document that the text names as the origin of a statement but that t
    ResearchOrganization: URIRef  # A research institute, think tank or library.
    Ruling: URIRef  # A court order or decision, such as ordering an extradition or rejecting an appeal.
    Section: URIRef  # A headed section of a source document.
    Sentence: URIRef  # A sentence: the unit of evidence.
    SmugglingActivity: URIRef  # A group smuggles, sells or trades a commodity (heroin, weapons, radioactive material)
    Source: URIRef  # A report, article or paper that the document cites for a paragraph.
    SourceDocument: URIRef  # A document the graph is built from; it is identified by its sha256.
    TraffickingFlow: URIRef  # People of a victim group moved from an origin, possibly through a transit place, to a d
    Trial: URIRef  # Someone stands trial.
    Unrest: URIRef  # A riot, clash, protest or demonstration.

    # Object properties
    about: URIRef  # What the claim concerns.
    activity: URIRef  # Smuggling, selling, transit (a concept).
    actor: URIRef  # The group that smuggles or trades.
    adjacentTo: URIRef  # A place lies on the border with, or next to, another.
    advisorTo: URIRef  # A person serves as consultant or adviser to another.
    affiliatedWith: URIRef  # A person works for, speaks for or belongs to an organisation (role in a qualifier).
    agent: URIRef  # Who carries out the event: the court that rules, the police that arrest, the accuser, the signato
    attributedTo: URIRef  # The source a paragraph is attributed to by the document's own markers.
    author: URIRef  # The author of a source.
    basedIn: URIRef  # Where an organisation or person is based.
    breakdown: URIRef  # A sub-category the figure is restricted to (an offence, a group).
    candidate: URIRef  # An external resource that matched as well as another, so no link was made (the match is ambig
    capitalOf: URIRef  # A city is a capital (political or financial, said in a qualifier).
    case: URIRef  # The case the event belongs to.
    cause: URIRef  # What led to an event, as stated by the text.
    chairOf: URIRef  # A person chairs an organisation.
    childOf: URIRef  # A person is the child of another.
    claimant: URIRef  # Who makes the claim (a person, body, group or source).
    claimedValue: URIRef  # A statistic the claim puts forward.
    commodity: URIRef  # What is smuggled or traded (a concept).
    conflictsWith: URIRef  # Two claims, figures or facts cannot both be true as stated; the disagreement is in the do
    cooperatesWith: URIRef  # Two agents or countries work together.
    coordinatesFrom: URIRef  # The external resource whose coordinates a record's geo:lat/geo:long were copied from; f
    counselFor: URIRef  # A lawyer represents a person.
    creditorOf: URIRef  # A lender has lent to an organisation.
    destination: URIRef  # Where victims or goods are taken, or where an extradition would send someone.
    engagesIn: URIRef  # An agent or group is reported to carry out a kind of crime or activity (a concept).
    ethnicity: URIRef  # The ethnic or national group that a criminal or other group is drawn from, as the text identi
    evidence: URIRef  # A sentence of a source document that supports a fact.
    exploitation: URIRef  # Sex trafficking, forced labour, forced begging, forced criminality (a concept).
    formerlyResponsibleFor: URIRef  # A body had a function it has since lost.
    hasExtraditionTreatyWith: URIRef  # Two countries have an extradition agreement.
    holdsPost: URIRef  # A person holds (or held, at the date given) an office.
    inDocument: URIRef  # The document a passage belongs to.
    inPassage: URIRef  # A sentence lies in a paragraph, a paragraph in a section.
    instanceOfClass: URIRef  # In the Wikidata cache: the item is an instance of this class or of a subclass of it (wd
    involvedIn: URIRef  # An agent takes part in a case or activity (the role in a qualifier).
    lacksExtraditionTreatyWith: URIRef  # The text states that two countries have no extradition treaty.
    law: URIRef  # The law or convention an event concerns.
    leads: URIRef  # An agent heads an organisation or group.
    ledBy: URIRef  # Inverse of leads.
    linkDataset: URIRef  # The external dataset a link record is about (a concept of the external-datasets scheme: Geo
    linkStatus: URIRef  # How far a link can be trusted (a concept of the link-statuses scheme): matched by code, ambi
    linkedTo: URIRef  # An alleged or reported link between groups (for example criminal and extremist groups).
    locatedIn: URIRef  # A place lies within another place.
    measure: URIRef  # What is counted or rated (a concept from the measures scheme).
    memberOf: URIRef  # An agent or country is a member of an organisation.
    mentionedIn: URIRef  # A paragraph holding evidence for a fact about this record: its own record, a relation it is
    nationality: URIRef  # The country a person or group comes from.
    near: URIRef  # A place lies close to another; the text says no more (no shared border, no distance).
    offence: URIRef  # The kind of crime at issue (a concept from the crime-types scheme).
    origin: URIRef  # Where victims or goods come from, or a deportation starts.
    owns: URIRef  # An agent owns a property or asset.
    parentOf: URIRef  # Inverse of child of.
    partOf: URIRef  # An event is part of a larger event or series.
    participant: URIRef  # Someone else who takes part in or is affected by the event.
    place: URIRef  # Where the event happened.
    postIn: URIRef  # The organisation or country a post belongs to.
    predecessorOf: URIRef  # Inverse of successor of.
    publishedBy: URIRef  # The publisher of a source.
    qualifier: URIRef  # Whether the value is exact, approximate, a lower or an upper bound.
    refArea: URIRef  # The place the figure is about.
    reportsTo: URIRef  # A body answers directly to a person, post or body.
    responsibleFor: URIRef  # A body has a function or power (a concept from the functions scheme).
    retrievedFrom: URIRef  # The SPARQL endpoint an external item was fetched from.
    sector: URIRef  # Where exploitation takes place: construction, domestic service, agriculture, brothels (a concept
    shareholderOf: URIRef  # An agent holds shares (majority noted in a qualifier).
    spouseOf: URIRef  # Marriage.
    stance: URIRef  # Asserts, denies, estimates, disputes, reports (a concept).
    subOrganizationOf: URIRef  # A unit belongs to a larger body.
    successorOf: URIRef  # A body took over from an earlier one.
    supervisedBy: URIRef  # Inverse of supervises.
    supervises: URIRef  # A body oversees or runs another body or a system (police, prisons).
    target: URIRef  # Whom the event is done to: the person accused, arrested, charged, convicted, extradited or depor
    targets: URIRef  # A group is reported to target a sector, place or kind of business.
    topic: URIRef  # What a law, measure or report is about (a concept).
    transit: URIRef  # A place victims or goods pass through.
    unit: URIRef  # Unit of the value: count, percent, per 100,000 people, US dollars, years, hours.
    via: URIRef  # A border or route used.
    victim: URIRef  # A person or group harmed.
    victimGroup: URIRef  # Who is trafficked: women, girls, men, children (a concept).

    # Datatype properties
    age: URIRef  # A person's age at the time of the events described.
    allegedly: URIRef  # True when the text presents the fact as alleged or reported rather than established.
    attributionMethod: URIRef  # citation (a [Source: ...] bracket), mark (a trailing mark referring back), continuati
    compiler: URIRef  # Who compiled a document, as far as known.
    count: URIRef  # How many (victims, bodies, participants) an event involved.
    curatedIn: URIRef  # The facts file (and line) a fact was written in.
    date: URIRef  # When, as precisely as the text gives it (xsd:gYear, xsd:gYearMonth or xsd:date).
    end: URIRef  # Offset just past the last character.
    endDate: URIRef  # When something ended.
    fileName: URIRef  # The file name under the sources folder.
    iso3166Alpha2: URIRef  # The country's two-letter ISO 3166-1 code, taken from the pycountry package.
    iso3166Alpha3: URIRef  # The country's three-letter ISO 3166-1 code, taken from the pycountry package.
    iso3166Numeric: URIRef  # The country's three-digit ISO 3166-1 numeric code (a string: leading zeros count), taken
    matchedOn: URIRef  # What a code-made match rests on: which of our names equalled which field of the external reco
    maxValue: URIRef  # The upper end when the text gives a range (3 to 15 years).
    note: URIRef  # A curator's note in our words.
    periodEnd: URIRef  # The end of the period when the figure covers a span.
    refPeriod: URIRef  # The year, month or day the figure refers to (xsd:gYear, xsd:gYearMonth or xsd:date).
    retrievedOn: URIRef  # When an external item was fetched from its endpoint (on the item in the cache, and on a lin
    reviewedBy: URIRef  # Who checked the fact against its evidence in a second, independent reading.
    role: URIRef  # A role in a relation, in our words (for example: lawyer, majority shareholder).
    sha256: URIRef  # The hex sha256 of a source document's bytes.
    sourceRecord: URIRef  # The record a link was taken from: a package's data file and record ID, or the curated file
    start: URIRef  # Offset of the first character (Unicode code points from 0).
    startDate: URIRef  # When something began.
    value: URIRef  # The figure itself.

    _NS = Namespace("https://w3id.org/kazcrime/ontology#")
