"""Generate synthetic local-government news for the speed and scale benchmarks, with gold story labels.

Every article belongs to one *affair* (a story): one council, one topic, a fixed cast of people with
roles, a contractor or organisation, a campaign group, a key sum of money and a few key dates. Coverage
is bursty: most articles of an affair appear within ten days of its start, the rest as follow-ups weeks
later. Look-alike affairs (same topic, another council and cast) exist, as in real news, and about a
quarter of the sentences are generic local-news filler shared by all affairs.

Everything is deterministic from the seed (``random.Random`` instances only). Affair ``k`` is the same
whatever the total number of affairs; :func:`affair_of` and :func:`affair_by_url` give the gold labels.
The word lists and sentence templates below are data; the code that applies them follows them.
"""

from __future__ import annotations

import bisect
import html
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

__all__ = ["Article", "affair_by_url", "affair_of", "make_article", "to_html", "to_record", "write_corpus"]

# --- People and places -------------------------------------------------------------------------------

FEMALE_FIRST = (
    "Helen", "Sarah", "Emma", "Rachel", "Claire", "Fiona", "Laura", "Grace", "Hannah", "Charlotte", "Joanne",
    "Karen", "Siobhan", "Bethan", "Nicola", "Megan", "Jessica", "Ashley", "Jennifer", "Tamara", "Denise",
    "Shannon", "Latoya", "Monique", "Priya", "Aisha", "Nadia", "Anjali", "Sunita", "Farah", "Zainab",
    "Ruksana", "Meera", "Kavita", "Amina", "Ngozi", "Chiamaka", "Abena", "Efua", "Adaeze", "Funmilayo",
    "Yetunde", "Akosua", "Comfort", "Agnieszka", "Katarzyna", "Magdalena", "Irina", "Olena", "Zuzana",
    "Milena", "Daria", "Ioana", "Marta", "Dawn", "Keisha", "Harriet", "Lucy",
)
MALE_FIRST = (
    "Daniel", "James", "Tom", "Robert", "Peter", "Owen", "Samuel", "Gareth", "Neil", "Stuart", "Graham",
    "Alan", "Martin", "Callum", "Rhys", "Ewan", "Declan", "Lewis", "Tyler", "Brandon", "Kevin", "Marcus",
    "Derek", "Dwayne", "Cody", "Travis", "Curtis", "Imran", "Rajesh", "Sanjay", "Arjun", "Tariq", "Bilal",
    "Harpreet", "Vikram", "Naveen", "Kwame", "Kofi", "Chinedu", "Emeka", "Oluwaseun", "Babatunde", "Yaw",
    "Tunde", "Femi", "Kwabena", "Piotr", "Tomasz", "Marek", "Andrei", "Dmitri", "Bogdan", "Jakub", "Viktor",
    "Mihai", "Lukas", "Hamish", "Wesley",
)
SURNAMES = (
    "Whitfield", "Carter", "Hughes", "Reid", "Fletcher", "Brennan", "Dalton", "Turner", "Sutton", "Harlow",
    "Ashworth", "Pemberton", "Lowther", "Gallagher", "McKenzie", "Fraser", "Doyle", "Jenkins", "Pritchard",
    "Baird", "Thornton", "Marsh", "Holloway", "Gibbs", "Kendrick", "Bellamy", "Crowther", "Lambert",
    "Nuttall", "Parr", "Quinn", "Rowe", "Sinclair", "Tennant", "Walsh", "Yates", "Ellison", "Brooks",
    "Lopez", "Ramirez", "Jackson", "Washington", "Miller", "Sullivan", "Kowalski", "Nguyen", "Patterson",
    "Delgado", "Whitaker", "Bishop", "Coleman", "Fischer", "Hoffman", "Ortega", "Reyes", "Torres", "Wheeler",
    "Garrison", "Shah", "Kaur", "Iqbal", "Patel", "Chaudhry", "Begum", "Rahman", "Siddiqui", "Gill",
    "Sandhu", "Mistry", "Desai", "Ahmed", "Hussain", "Malik", "Bhatt", "Choudhury", "Rao", "Nair", "Verma",
    "Okafor", "Mensah", "Osei", "Adeyemi", "Boateng", "Asante", "Okonkwo", "Nwosu", "Adebayo", "Owusu",
    "Eze", "Bello", "Ogunleye", "Danso", "Appiah", "Babalola", "Agyeman", "Obi", "Novak", "Nowak", "Horvat",
    "Kovac", "Popescu", "Ionescu", "Dvorak", "Sokol", "Kral", "Babic", "Bondarenko", "Shevchenko",
    "Kovalenko", "Tkachenko", "Moreau", "Lindqvist", "Brandt",
)
PLACE_HEADS = (
    "Ash", "Brook", "Kings", "Red", "Stan", "Mill", "Larch", "Harrow", "East", "West", "North", "Brad",
    "Thorn", "Hazel", "Oak", "Elm", "Wool", "Marl", "Cal", "Bel", "Wex", "Dun", "Fair", "Green", "Hol",
    "Lang", "Rother", "Sal", "Stock", "Alder", "Birch", "Cran", "Fen", "Hart", "Lyn", "Pen", "Wil", "Gold",
    "Black", "Castle",
)
PLACE_TAILS = (
    "ford", "mere", "water", "bridge", "field", "ton", "bury", "by", "ham", "wick", "stead", "worth", "ley",
    "combe", "borough", "dale", "well", "minster", "port", "chester", "hurst", "moor", "haven", "ridge",
    "wood", "stow", "gate", "thorpe",
)
UK_VARIANTS = (" Vale", " Heath", " Cross", " Green", " Park")
US_VARIANTS = (" Falls", " Springs", " Junction", " Heights", " Park")
BASE_PLACES = tuple(h + t for h in PLACE_HEADS for t in PLACE_TAILS if h[-1] != t[0] and h.lower() != t)
UK_COUNCILS = ("Borough Council", "City Council", "County Council", "District Council",
               "Metropolitan Borough Council")
US_COUNCILS = ("City Council", "County Board of Supervisors", "Town Board", "County Commission")
UK_PARTIES = ("Labour", "Conservative", "Liberal Democrat", "Green", "Independent")
LOCAL_PAPERS = ("Herald", "Echo", "Post", "Chronicle", "Advertiser", "Mercury", "Standard")
UK_TITLES_F = ("Ms", "Ms", "Ms", "Mrs", "Dr")
UK_TITLES_M = ("Mr", "Mr", "Mr", "Mr", "Dr")


# --- Topics: each with its own vocabulary (noun phrases that read after "about", "on", "with") ----------

@dataclass(frozen=True)
class Topic:
    name: str
    portfolio: str
    words: tuple[str, ...]
    issues: tuple[str, ...]  # templates; may use {amount}, {n}
    firms: tuple[str, ...]  # nouns for "<Surname> <noun> Ltd"
    groups: tuple[str, ...]  # campaign groups; use {place}
    us: bool = True  # also used for American councils


TOPICS = (
    Topic("children's services", "children and families",
          ("social workers", "care placements", "foster carers", "child protection plans", "caseloads",
           "agency staff", "safeguarding referrals", "the children's home", "looked-after children",
           "the improvement plan", "the duty team", "early help services", "residential placements",
           "the fostering service", "care leavers", "family support workers", "emergency placements",
           "unallocated cases"),
          ("an inspection that rated its children's services inadequate",
           "a sharp rise in spending on agency social workers", "a backlog of {n} unallocated cases"),
          ("Care Partnership", "Family Support", "Children's Services"),
          ("{place} Foster Carers' Network", "Parents for {place} Children")),
    Topic("bin collections", "environment",
          ("missed collections", "the recycling rota", "food waste caddies", "garden waste permits",
           "the depot", "refuse crews", "fly-tipping", "wheelie bins", "the three-weekly schedule",
           "overflowing bins", "bulky waste collections", "recycling rates", "the waste fleet", "bin lorries",
           "the household recycling centre", "contaminated recycling", "collection rounds"),
          ("a backlog of missed bin collections", "the switch to three-weekly bin collections",
           "a strike by refuse crews over pay"),
          ("Waste Services", "Environmental", "Recycling"),
          ("{place} Residents' Association", "Clean Streets {place}")),
    Topic("school transport", "education",
          ("school buses", "taxi contracts", "pupils with special educational needs", "pick-up times",
           "the route review", "passenger assistants", "eligibility rules", "bus passes", "rural routes",
           "the transport budget", "travel training", "minibus drivers", "home-to-school transport",
           "journey times", "safety checks", "the booking system"),
          ("an audit of school transport routes", "the cancellation of {n} school bus routes",
           "a {amount} overspend on taxis for pupils"),
          ("Travel", "Coaches", "Transport Services"),
          ("{place} SEND Parents Forum", "Safe Routes {place}")),
    Topic("housing repairs", "housing",
          ("damp and mould", "council tenants", "repair requests", "the housing waiting list",
           "boiler replacements", "the repairs backlog", "leaking roofs", "tower blocks", "empty homes",
           "temporary accommodation", "the tenants' panel", "emergency call-outs", "disrepair claims",
           "kitchen replacements", "housing officers", "condensation", "the repairs hotline"),
          ("a backlog of {n} repair requests", "an inquiry into damp and mould in council homes",
           "a rise in disrepair claims from tenants"),
          ("Property Services", "Building Maintenance", "Homes"),
          ("{place} Tenants' Union", "{place} Housing Action")),
    Topic("library closures", "culture and communities",
          ("opening hours", "branch libraries", "volunteers", "the mobile library", "book stock",
           "community hubs", "reading groups", "the consultation", "library staff", "self-service kiosks",
           "the central library", "children's story sessions", "public computers", "the local history archive",
           "reduced hours", "the library service"),
          ("plans to close {n} branch libraries", "a consultation on cutting library opening hours",
           "the handover of branch libraries to volunteers"),
          ("Libraries", "Cultural Services", "Learning"),
          ("Save {place} Libraries", "Friends of {place} Library")),
    Topic("road repairs", "highways",
          ("potholes", "road resurfacing", "the highways budget", "compensation claims", "damaged tyres",
           "road closures", "temporary repairs", "gritting routes", "the maintenance backlog", "cycle lanes",
           "pavement repairs", "traffic lights", "speed bumps", "drainage gullies", "street lighting",
           "the inspection regime"),
          ("a record number of pothole compensation claims", "a {amount} backlog of road repairs",
           "the failure of a road resurfacing programme"),
          ("Highways", "Surfacing", "Civil Engineering"),
          ("{place} Cycling Campaign", "Fix Our Roads {place}")),
    Topic("housing development", "planning",
          ("planning permission", "affordable homes", "the local plan", "green belt land",
           "the planning committee", "the developer", "objections", "traffic assessments", "the housing target",
           "brownfield sites", "the design review", "the outline application", "infrastructure contributions",
           "the planning inspector", "new school places", "the site allocation"),
          ("a plan for {n} homes on green belt land",
           "the approval of a tower block against officers' advice", "allegations of lobbying over a housing scheme"),
          ("Developments", "Land", "Estates"),
          ("{place} Green Belt Alliance", "{place} Civic Society")),
    Topic("parking fines", "transport",
          ("penalty charge notices", "parking wardens", "pay-and-display machines", "resident permits",
           "appeals", "camera enforcement", "the multi-storey car park", "parking charges",
           "the enforcement contract", "blue badge holders", "loading bays", "the parking app",
           "cancelled tickets", "bus lane cameras", "double yellow lines"),
          ("a surge in parking fines", "faulty pay-and-display machines that led to wrongly issued tickets",
           "a {amount} parking enforcement contract"),
          ("Parking Solutions", "Enforcement Services", "Parking"),
          ("{place} Traders' Association", "{place} Motorists' Action Group")),
    Topic("care homes", "adult social care",
          ("care home residents", "care fees", "staffing levels", "the inspection report", "agency nurses",
           "dementia care", "bed closures", "safeguarding concerns", "home care visits", "the care contract",
           "families of residents", "respite beds", "hospital discharges", "care workers' pay",
           "the adult social care budget", "night staffing"),
          ("the planned closure of two council-run care homes", "a damning inspection of a care home",
           "a {amount} rise in care fees"),
          ("Care Group", "Healthcare", "Care Homes"),
          ("{place} Carers' Forum", "Relatives of {place} Residents")),
    Topic("leisure centre plans", "leisure and sport",
          ("the swimming pool", "gym memberships", "opening hours", "the sports hall", "energy costs",
           "the refurbishment", "the leisure operator", "swimming lessons", "changing rooms",
           "the new leisure centre", "the running track", "concessionary prices", "the pool roof",
           "membership fees", "the business case"),
          ("the closure of the leisure centre's swimming pool", "a {amount} rise in the cost of a new leisure centre",
           "the collapse of the leisure operator"),
          ("Leisure", "Sport and Leisure", "Fitness"),
          ("Save {place} Pool", "{place} Swimming Club")),
    Topic("council tax", "finance",
          ("council tax bills", "the budget gap", "reserves", "savings targets", "the finance director",
           "borrowing", "the medium-term financial plan", "discount schemes", "arrears", "collection rates",
           "band D bills", "service cuts", "fees and charges", "the spending review", "commercial investments",
           "the auditors"),
          ("a proposed council tax rise above the usual cap", "a warning that the council could run out of money",
           "a budget gap of {amount}"),
          ("Revenues Services", "Financial Services", "Business Services"),
          ("{place} Taxpayers' Alliance", "{place} Pensioners' Forum"), us=False),
    Topic("flooding", "environment and climate",
          ("flood defences", "drainage gullies", "surface water", "sandbags", "the flood barrier",
           "blocked drains", "the river", "flood alerts", "the drainage survey", "insurance claims",
           "flooded homes", "culverts", "the pumping station", "the flood risk plan", "storm damage"),
          ("flooding that damaged more than {n} homes", "delays to a {amount} flood defence scheme",
           "blocked drains blamed for repeated flooding"),
          ("Drainage", "Water Engineering", "Flood Solutions"),
          ("{place} Flood Action Group", "{place} Riverside Residents")),
    Topic("bus routes", "transport",
          ("bus routes", "the bus operator", "subsidised services", "timetables", "cancelled buses",
           "rural services", "concessionary passes", "the bus station", "evening services", "fares",
           "the franchising plan", "bus shelters", "real-time information", "passenger numbers",
           "school services"),
          ("cuts to subsidised bus routes", "the withdrawal of evening bus services",
           "a plan to bring buses under council control"),
          ("Buses", "Coaches", "Travel"),
          ("{place} Bus Users Group", "Keep {place} Moving")),
    Topic("homelessness", "housing",
          ("rough sleepers", "the night shelter", "temporary accommodation", "bed and breakfast placements",
           "the homelessness strategy", "outreach workers", "hostel places", "eviction notices",
           "the winter shelter", "support workers", "homelessness applications", "emergency beds",
           "private landlords", "the housing register", "families in hotels"),
          ("a sharp rise in families placed in bed and breakfasts", "the closure of the winter night shelter",
           "a {amount} overspend on temporary accommodation"),
          ("Housing Solutions", "Support Services", "Lettings"),
          ("{place} Homeless Action", "Shelter {place}")),
)


# --- Sentence templates -------------------------------------------------------------------------------
# Slots: {A}/{B} a cast member (first mention gives full name and role, later "Ms Okafor" or the role);
# {A.end} the same at the end of a sentence; {A.last}, {A.pron}; {Q}/{Qc}/{QB} their quote (Qc ends with
# a comma); {QD} a defensive quote; {RQ} a resident's; {o}...{c} quote marks for fragments; {w}/{w2}
# topic words; {amount} the affair's key sum; {money}, {money2} (smaller), {pct}, {n}; dates
# {start_when}, {meeting_when}, {letter_date}, {deadline}; and {council}, {place}, {paper}, ...

LEDES = (
    "{council} is facing mounting criticism over {issue}, {paper} can reveal.",
    "Pressure is growing on {council} after {issue} came to light {start_when}.",
    "Councillors in {place} have called for answers over {issue}.",
    "{council} has defended its handling of {topic} following {issue}.",
    "Residents in {place} say they have been let down by {council} over {issue}.",
    "An independent inquiry has been demanded into {issue} at {council}.",
)
FOLLOW_LEDES = (
    "{weeks} after {issue} first came to light, {council} is again under scrutiny over {topic}.",
    "The row over {topic} in {place} has resurfaced, with {group} calling for an independent review.",
    "{council} has published its response to {issue}, {weeks} after the problems were first reported.",
)
QUOTE_TEMPLATES = (
    "{A} said: {Q}",
    "{Qc} said {A.end}.",
    "{Qc} {A} told {paper}.",
    "Speaking {start_when}, {A} said: {Q}",
    "{A} added: {Q}",
    "In a statement, {A} said: {Q}",
    "{A} told a meeting of residents: {Q}",
    "Writing on social media, {A} said: {Q}",
    "{Qc} {A} said in an interview.",
)
# A pair is (when the meeting is still ahead, when it is past).
STORY_TEMPLATES: tuple[str | tuple[str, str], ...] = (
    "In a statement, {A} said {council} had {o}acted swiftly{c} once problems with {w} became clear.",
    "{A} said the council had spent {money} on {w} in the past year.",
    "Figures seen by {paper} show that spending on {w} rose by {pct} in two years.",
    "The report, published {start_when}, found that {w} had been {o}neglected for years{c}.",
    "In a letter dated {letter_date}, {A} warned that {w} and {w2} were {o}at breaking point{c}.",
    "{B} disputed the figures, saying the situation with {w} had improved since {contractor} took over.",
    "{contractor} said it had met the targets in its contract and was {o}disappointed{c} by the criticism.",
    "A spokesperson for {contractor} said: {QD}",
    "{group} has collected {n} signatures on a petition about {w}.",
    "{A} said the problems with {w} were {o}entirely predictable{c}.",
    "{A} was asked whether {A.pron} would apologise to residents affected by the problems with {w}.",
    "The council's own figures show {n} complaints about {w} since the start of the year.",
    "{A} accused {B} of {o}playing politics{c} with {topic}.",
    "{B} rejected the claim, calling it {o}misleading and unfair{c}.",
    "The contract with {contractor}, worth {contract}, runs until {year}.",
    "Under the proposals, {w} would be reviewed and spending on {w2} cut by {pct}.",
    "{A} said {A.pron} had written to the government asking for help with {w}.",
    "{A} urged anyone affected by {w} to contact {group}.",
    "{A} said {A.pron} had first raised concerns about {w} in a letter dated {letter_date}.",
    "The council has so far paid {money} in compensation linked to {w}.",
    "Documents released under freedom of information rules show officials were warned about {w} on {letter_date}.",
    "{A} said the council would publish an action plan on {w} by {deadline}.",
    "Opposition councillors have tabled a motion calling for the contract with {contractor} to be terminated.",
    "{A} described the state of {w} as {o}the worst I have seen in twenty years{c}.",
    "The council said {pct} of cases involving {w} had been dealt with within target times last month.",
    "It is understood that {contractor} has been asked to explain its handling of {w}.",
    "{A} said {A.pron} was {o}confident{c} that the problems with {w} would be resolved within weeks.",
    "The cost of {w} has risen to {money}, up from {money2} the previous year.",
    "{B} said {B.pron} did not recognise the figures on {w}.",
    "Concerns about {issue} were first raised {start_when}.",
    "{A} said the problems with {w} began long before {contractor} was involved.",
    "The row centres on {issue}.",
    "Councillors were told that spending on {w} accounted for {pct} of the overspend.",
    "{A} told {paper} that {w} had been {o}a priority from day one{c}.",
    ("{A} is expected to face questions about {w} at a meeting of the full council {meeting_when}.",
     "{A} faced questions about {w} at a meeting of the full council {meeting_when}."),
    ("Campaigners from {group} plan to protest outside {hall} {meeting_when}.",
     "Campaigners from {group} protested outside {hall} {meeting_when}."),
    ("{committee} will discuss {w} {meeting_when}.",
     "Officers told {committee} {meeting_when} that problems with {w} would take {o}at least another year{c} to fix."),
    ("{A} and {B} are due to meet {meeting_when} to discuss {w}.",
     "{A} and {B} met {meeting_when} to discuss {w}."),
)
FILLERS = (
    "Forecasters have warned of heavy rain across the region this weekend.",
    "One resident, {R}, {age}, said: {RQ}",
    "{R}, who has lived in {place} for {years} years, said: {RQ}",
    "The full council meets on {weekday} at 7pm, and the meeting will be streamed on the council's website.",
    "The council said it could not comment further while the matter was under review.",
    "Anyone with concerns can contact the council's customer service centre on weekdays between 9am and 5pm.",
    "Local elections are due to take place {elections}.",
    "A council spokesperson said it was {o}committed to listening to residents{c}.",
    "The meeting ran for more than three hours and was adjourned shortly before 11pm.",
    "Several residents addressed councillors during the public questions session.",
    "Roadworks on {street} are expected to continue until the end of the month.",
    "The weekly market will open as usual on Saturday despite the forecast.",
    "Another resident, who asked not to be named, said: {RQ}",
    "Councillors voted by {votes} to note the report.",
    "The council's website was briefly unavailable on {weekday} because of planned maintenance.",
    "Temperatures are expected to drop below freezing overnight, forecasters said.",
    "{R}, who runs a cafe on {street}, said trade had been {o}quieter than usual{c} in recent weeks.",
    "The council employs around {staff} people and serves a population of about {population}.",
    "Parents at a nearby primary school said they had not been told about the changes.",
)
DEFEND_QUOTES = (
    "We recognise that our record on {w} has not been good enough, and we are putting it right.",
    "The vast majority of residents in {place} receive a good service, but we know there is more to do on {w}.",
    "We have invested {money} in {w} this year alone.",
    "I want to apologise to everyone who has been affected by problems with {w}.",
    "These figures do not tell the whole story.",
    "We inherited serious problems with {w} and we are tackling them head on.",
    "Our staff have worked incredibly hard in very difficult circumstances.",
    "We will not be making any decisions until the review of {w} is complete.",
    "Every penny of the {amount} is accounted for.",
    "We are confident that the new arrangements for {w} will make a real difference.",
    "Nobody is pretending this has been easy, but our finances leave us with difficult choices.",
)
ATTACK_QUOTES = (
    "This is a scandal, and the people of {place} deserve answers.",
    "Residents have been raising concerns about {w} for years and they have been ignored.",
    "The council has lost control of {topic}, and it is residents who are paying the price.",
    "How can anyone justify spending {amount} on this?",
    "We warned them about {w} and they did nothing.",
    "Somebody has to take responsibility for this, and it should start at the top.",
    "The leadership has been asleep at the wheel.",
    "Families are at the end of their tether.",
    "We want a full, independent inquiry into {w}.",
    "It is simply not good enough, and the council knows it.",
    "Why were we told that the problems with {w} were under control when they clearly were not?",
)
RESIDENT_QUOTES = (
    "Nobody ever tells us anything until it is too late.",
    "We just want things to work the way they used to.",
    "I've paid my council tax for thirty years and this is what we get.",
    "It's been going on for months and nobody seems to care.",
    "The staff do their best, but they're stretched.",
    "My neighbours feel exactly the same way.",
    "I'll believe it when I see it.",
    "We were promised things would get better and they haven't.",
    "People round here are fed up.",
    "There's no point complaining, nothing ever changes.",
    "I don't blame the workers, I blame the people at the top.",
    "We need answers, not another consultation.",
)
HEADLINES = (
    "{place} council under fire over {topic}",
    "{A.last} defends {w} as {place} {topic} row grows",
    "Revealed: {amount} bill for {w} in {place}",
    "{contractor} faces questions over {place} {topic}",
    "Calls for inquiry into {topic} at {council}",
    "{short}: {place} {topic} row deepens",
    "{council} to review {w} after complaints",
    "Opposition demands answers over {topic} in {place}",
    "{place} residents angry over {w}",
    "{A.last} under pressure as problems with {w} mount",
    "{group} steps up campaign over {w}",
    "{place}: what went wrong with {topic}?",
)
FOLLOW_HEADLINES = (
    "{place} {topic} row: {weeks} on, little has changed",
    "{council} publishes response to {topic} criticism",
    "{A.last} promises action as {topic} row returns",
)
HEADLINE_QUOTES = ("Not good enough", "A scandal", "We will put it right", "Asleep at the wheel",
                   "At breaking point", "Nobody listened")
AMERICAN_SPELLING = {
    "organisation": "organization", "organisations": "organizations", "programme": "program",
    "programmes": "programs", "centre": "center", "centres": "centers", "criticised": "criticized",
    "criticise": "criticize", "apologise": "apologize", "apologised": "apologized", "recognise": "recognize",
    "recognised": "recognized", "prioritise": "prioritize", "realise": "realize", "neighbours": "neighbors",
    "neighbour": "neighbor", "behaviour": "behavior", "favour": "favor", "defence": "defense",
    "defences": "defenses", "licence": "license", "cancelled": "canceled", "tyres": "tires",
    "pavement": "sidewalk", "subsidised": "subsidized", "per cent": "percent",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve")
TITLE_SMALL = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to",
                         "over", "into", "after", "with", "from"})
FIRST_DAY = date(2021, 1, 1)
START_SPAN_DAYS = (date(2025, 12, 31) - FIRST_DAY).days
SLOT = re.compile(r"\{([A-Za-z0-9_.]+)\}")
AMERICAN_WORDS = re.compile(r"\b(" + "|".join(sorted(AMERICAN_SPELLING, key=len, reverse=True)) + r")\b")


# --- The model of an affair ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Article:
    title: str
    body: str
    published: str
    url: str
    site: str
    affair: int  # gold story label; not part of the text, HTML or record


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    title: str  # Mr, Ms, Mrs, Dr
    female: bool
    role_short: str  # "the council leader"
    role_long: str  # "the Labour leader of Kingsmere Borough Council"
    defends: bool  # speaks for the council or contractor

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


Role = tuple[str, str, bool]  # short form, first-mention form, speaks for the council or contractor
Signatures = dict[Person, tuple[str, ...]]


@dataclass(frozen=True)
class Site:
    host: str
    paper: str  # as named in text: "the Gazette"
    american: bool  # spelling, dates, "Mr.", title case
    curly: bool  # curly quotes and apostrophes


@dataclass(frozen=True)
class Council:
    place: str
    name: str
    american: bool
    head: Person  # council leader or mayor; shared by every affair of the place and era
    paper: Site  # the local paper


@dataclass(frozen=True)
class Affair:
    number: int
    council: Council
    topic: Topic
    words: tuple[str, ...]  # the aspects of the topic this affair is about
    issue: str
    amount: float  # the key sum, in millions
    contract: float
    contractor: str
    group: str
    cast: tuple[Person, ...]
    quotes: Signatures  # signature quotes, repeated across outlets
    start: date
    duration: int  # days of follow-up coverage after the first burst
    second: int  # day offset of the follow-up burst
    meeting: date
    letter: date
    deadline: date
    headlines: tuple[str, ...]


NATIONAL = (
    Site("gazette.example", "the Gazette", american=False, curly=True),
    Site("courier.example", "the Courier", american=True, curly=False),
    Site("broadcast.example", "Broadcast News", american=False, curly=False),
    Site("dispatch.example", "the Dispatch", american=True, curly=True),
)


# --- Building affairs (cached: built once per affair, place or seed) ------------------------------------

def _person(rng: random.Random, role: Role, avoid: set[str], american: bool) -> Person:
    """A new person with a fixed role; neither their first name nor surname is in ``avoid``."""
    female = rng.random() < 0.5
    last = rng.choice(SURNAMES)
    while last in avoid:
        last = rng.choice(SURNAMES)
    avoid.add(last)
    first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
    while first in avoid:
        first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
    avoid.add(first)
    title = rng.choice(UK_TITLES_F if female else UK_TITLES_M)
    if american and title == "Mrs":
        title = "Ms"
    return Person(first, last, title, female, role[0], role[1], role[2])


@cache
def _council(place: str, american: bool, seed: int, era: int) -> Council:
    """One council per place; its leader or mayor changes with the four-year electoral era."""
    rng = random.Random(f"{seed}/council/{place}/{american}")
    name = f"{place} {rng.choice(US_COUNCILS if american else UK_COUNCILS)}"
    slug = re.sub(r"[^a-z]+", "-", place.lower()).strip("-")
    kind = rng.choice(LOCAL_PAPERS)
    paper = Site(f"{slug}-{kind.lower()}.example", f"the {place} {kind}", american, rng.random() < 0.5)
    rng = random.Random(f"{seed}/head/{place}/{american}/{era}")
    party = rng.choice(UK_PARTIES)
    if american:
        role = ("the mayor", f"the mayor of {place}", True)
    elif rng.random() < 0.6:
        role = ("the council leader", f"the {party} leader of {name}", True)
    else:
        role = ("the mayor", f"the {party} mayor of {place}", True)
    return Council(place, name, american, _person(rng, role, set(), american), paper)


def _roles(rng: random.Random, council: Council, topic: Topic, firm: str, group: str) -> list[Role]:
    """The roles besides the council head, for a British or an American council."""
    if council.american:
        return [("the committee chair", f"the chair of the council's {topic.portfolio} committee", True),
                ("the council member", "a council member and frequent critic of the mayor", False),
                (f"the {firm} CEO", f"the chief executive of {firm}", True),
                ("the campaigner", f"a founder of {group}", False),
                ("the union representative", "a representative of the city workers' union", False)]
    party = rng.choice([p for p in UK_PARTIES if p not in council.head.role_long])  # not the ruling party
    portfolio = topic.portfolio
    return [(f"the cabinet member for {portfolio}", f"{council.name}'s cabinet member for {portfolio}", True),
            ("the opposition leader", f"the leader of the {party} opposition group", False),
            (f"{firm}'s chief executive", f"the chief executive of {firm}", True),
            ("the campaigner", f"a campaigner with {group}", False),
            ("the union representative", "the branch secretary of the council workers' union", False)]


def _cast(rng: random.Random, council: Council, roles: list[Role], firm: str) -> tuple[Person, ...]:
    """The head of the council plus two to four others, at least one of them a critic."""
    picked = rng.sample(roles, rng.randint(2, 4))
    if all(role[2] for role in picked):
        picked[-1] = roles[1]
    avoid = {council.head.first, council.head.last, firm.split()[0]}
    return (council.head, *(_person(rng, role, avoid, council.american) for role in picked))


def _contractor(rng: random.Random, topic: Topic, place: str, american: bool) -> str:
    if rng.random() < 0.2:
        return f"{place} Community Trust"
    suffix = rng.choice(("Inc.", "LLC")) if american else rng.choice(("Ltd", "Ltd", "Group"))
    return f"{rng.choice(SURNAMES)} {rng.choice(topic.firms)} {suffix}"


def _place(rng: random.Random, american: bool) -> str:
    base = rng.choice(BASE_PLACES)
    if rng.random() < 0.2:
        return base + rng.choice(US_VARIANTS if american else UK_VARIANTS)
    return base


def _signatures(rng: random.Random, cast: tuple[Person, ...], words: tuple[str, ...]) -> Signatures:
    """Two quotes per person, fixed for the affair, so its coverage repeats them as real coverage does."""
    result = {}
    for person in cast:
        pool = DEFEND_QUOTES if person.defends else ATTACK_QUOTES
        result[person] = tuple(q.replace("{w}", rng.choice(words)).replace("{money}", "{amount}")
                               for q in rng.sample(pool, 2))
    return result


def _weekday(day: date) -> date:
    """``day``, or the Monday after it when it falls at a weekend (councils meet on weekdays)."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


@cache
def _affair(number: int, seed: int, span_days: int = START_SPAN_DAYS) -> Affair:
    """Affair ``number``: the same whatever the total number of affairs (it starts within ``span_days``)."""
    rng = random.Random(f"{seed}/affair/{number}")
    american = rng.random() < 0.25
    topic = rng.choice([t for t in TOPICS if t.us or not american])
    start = FIRST_DAY + timedelta(days=rng.randint(0, span_days))
    place = _place(rng, american)
    council = _council(place, american, seed, start.year // 4)
    contractor = _contractor(rng, topic, place, american)
    group = rng.choice(topic.groups).format(place=place)
    cast = _cast(rng, council, _roles(rng, council, topic, contractor, group), contractor)
    words = tuple(rng.sample(topic.words, 8))
    duration = rng.randint(60, 120)
    return Affair(
        number=number, council=council, topic=topic, words=words, issue=rng.choice(topic.issues),
        amount=round(rng.uniform(0.4, 25.0), 1), contract=round(rng.uniform(2.0, 60.0), 1),
        contractor=contractor, group=group, cast=cast, quotes=_signatures(rng, cast, words), start=start,
        duration=duration, second=rng.randint(25, duration),
        meeting=_weekday(start + timedelta(days=rng.randint(4, 25))),
        letter=start - timedelta(days=rng.randint(3, 60)),
        deadline=start + timedelta(days=rng.randint(40, 150)),
        headlines=tuple(rng.sample(HEADLINES, 4)),
    )


@cache
def _cumulative_weights(affairs: int, seed: int) -> tuple[float, ...]:
    """Skewed affair sizes (a few big stories, many small); affair k's weight does not depend on the total."""
    rng = random.Random(f"{seed}/weights")
    total, cumulative = 0.0, []
    for _ in range(affairs):
        total += rng.lognormvariate(0.0, 0.75)
        cumulative.append(total)
    return tuple(cumulative)


# --- Planning one article: affair, day and site ------------------------------------------------------------

@dataclass(frozen=True)
class _Plan:
    rng: random.Random
    affair: Affair
    offset: int  # days after the affair's start
    site: Site


def _plan(i: int, affairs: int, seed: int, span_days: int = START_SPAN_DAYS) -> _Plan:
    rng = random.Random(f"{seed}/article/{i}")
    cumulative = _cumulative_weights(affairs, seed)
    number = min(bisect.bisect(cumulative, rng.random() * cumulative[-1]), affairs - 1)
    affair = _affair(number, seed, span_days)
    draw = rng.random()
    if draw < 0.7:  # the first burst, densest on the first days
        offset = int(rng.random() ** 2 * 10)
    elif draw < 0.88:  # follow-up burst weeks later
        offset = max(10, affair.second + rng.randint(-3, 3))
    else:
        offset = rng.randint(10, 10 + affair.duration)
    site = affair.council.paper if rng.random() < 0.4 else rng.choice(NATIONAL)
    return _Plan(rng, affair, offset, site)


# --- Formatting helpers ---------------------------------------------------------------------------------

def _day_month(day: date, american: bool, year: bool) -> str:
    if american:
        return f"{MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if year else "")
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def _when(day: date, event: date, american: bool, rng: random.Random) -> str:
    """How an article published on ``day`` refers to ``event``: "yesterday", "last Tuesday", "on 14 March"."""
    delta = (day - event).days
    weekday = WEEKDAYS[event.weekday()]
    if delta == 0:
        return "today" if rng.random() < 0.5 else f"on {weekday}"
    if abs(delta) == 1:
        return "yesterday" if delta == 1 else "tomorrow"
    if 2 <= abs(delta) <= 6:
        return f"{('last ' if delta > 0 else 'next ') if rng.random() < 0.4 else 'on '}{weekday}"
    return "on " + _day_month(event, american, event.year != day.year)


def _money(millions: float, currency: str, american: bool) -> str:
    if millions < 1:
        return f"{currency}{round(millions * 1000) * 1000:,}"
    return f"{currency}{millions:.1f} million" if american else f"{currency}{millions:.1f}m"


def _title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(w if (k and w in TITLE_SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for k, w in enumerate(words))


def _americanise(text: str) -> str:
    return AMERICAN_WORDS.sub(lambda m: AMERICAN_SPELLING[m.group(1)], text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- Writing one article ----------------------------------------------------------------------------------

class _Writer:
    """Fills templates for one article, remembering which people it has already introduced."""

    def __init__(self, plan: _Plan) -> None:
        self.rng, self.affair, self.site = plan.rng, plan.affair, plan.site
        self.offset = plan.offset
        self.day = plan.affair.start + timedelta(days=plan.offset)
        self.seen: set[Person] = set()
        cast = plan.affair.cast
        self.featured = self.rng.sample(cast, min(len(cast), self.rng.randint(2, 4)))
        self.a, self.b = self.featured[0], self.featured[1]
        self.last_word = ""
        self.last_money = 1.0
        self.marks = ("\u201c", "\u201d") if self.site.curly else ('"', '"')

    def render(self, template: str) -> str:
        return SLOT.sub(self._slot, template)

    def _slot(self, match: re.Match[str]) -> str:
        key = match.group(1)
        if key[0] in "AB" and (len(key) == 1 or key[1] == "."):
            return self._person(self.a if key[0] == "A" else self.b, key[2:])
        value: str = getattr(self, f"_s_{key}")()
        return value

    def _choose_people(self) -> None:
        a = self.rng.choice(self.featured)
        others = [p for p in self.featured if p is not a] or [p for p in self.affair.cast if p is not a]
        rivals = [p for p in others if p.defends != a.defends]
        self.a, self.b = a, self.rng.choice(rivals or others)

    def _person(self, person: Person, form: str) -> str:
        if form == "last":
            return person.last
        if form == "pron":
            return "she" if person.female else "he"
        if person not in self.seen:
            self.seen.add(person)
            return f"{person.full}, {person.role_long}" + ("" if form == "end" else ",")
        if self.rng.random() < 0.7:
            return f"{person.title}{'.' if self.site.american else ''} {person.last}"
        return person.role_short

    def _quote(self, person: Person | None, defends: bool, comma: bool = False) -> str:
        if person is not None and self.rng.random() < 0.45:
            inner = self.rng.choice(self.affair.quotes[person])
        else:
            inner = self.rng.choice(DEFEND_QUOTES if defends else ATTACK_QUOTES)
        text = _capitalise(self.render(inner))
        if comma and text.endswith("."):
            text = text[:-1] + ","
        return f"{self.marks[0]}{text}{self.marks[1]}"

    # slots, looked up by name as _s_<slot>
    def _s_Q(self) -> str:
        return self._quote(self.a, self.a.defends)

    def _s_Qc(self) -> str:
        return self._quote(self.a, self.a.defends, comma=True)

    def _s_QB(self) -> str:
        return self._quote(self.b, self.b.defends)

    def _s_QD(self) -> str:
        return self._quote(None, True)

    def _s_RQ(self) -> str:
        return f"{self.marks[0]}{self.rng.choice(RESIDENT_QUOTES)}{self.marks[1]}"

    def _s_o(self) -> str:
        return self.marks[0]

    def _s_c(self) -> str:
        return self.marks[1]

    def _s_w(self) -> str:
        words = self.affair.words if self.rng.random() < 0.8 else self.affair.topic.words
        self.last_word = self.rng.choice(words)
        return self.last_word

    def _s_w2(self) -> str:
        word = self.rng.choice(self.affair.words)
        while word == self.last_word:
            word = self.rng.choice(self.affair.words)
        return word

    def _currency(self) -> str:
        return "$" if self.affair.council.american else "\u00a3"

    def _s_amount(self) -> str:
        return _money(self.affair.amount, self._currency(), self.site.american)

    def _s_contract(self) -> str:
        return _money(self.affair.contract, self._currency(), self.site.american)

    def _s_money(self) -> str:
        self.last_money = round(self.rng.uniform(0.05, 9.9), 2 if self.rng.random() < 0.5 else 1)
        return _money(self.last_money, self._currency(), self.site.american)

    def _s_money2(self) -> str:
        return _money(self.last_money * self.rng.uniform(0.5, 0.9), self._currency(), self.site.american)

    def _s_pct(self) -> str:
        number = self.rng.randint(3, 68)
        if self.site.american:
            return f"{number}%" if self.rng.random() < 0.5 else f"{number} percent"
        return f"{number} per cent"

    def _s_n(self) -> str:
        return f"{self.rng.randint(120, 4800):,}"

    def _s_votes(self) -> str:
        return f"{self.rng.randint(25, 40)} to {self.rng.randint(3, 20)}"

    def _s_staff(self) -> str:
        return f"{self.rng.randint(8, 90) * 100:,}"

    def _s_population(self) -> str:
        return f"{self.rng.randint(40, 600) * 1000:,}"

    def _s_age(self) -> str:
        return str(self.rng.randint(19, 88))

    def _s_years(self) -> str:
        return str(self.rng.randint(3, 45))

    def _s_R(self) -> str:
        first = self.rng.choice(FEMALE_FIRST if self.rng.random() < 0.5 else MALE_FIRST)
        return f"{first} {self.rng.choice(SURNAMES)}"

    def _s_start_when(self) -> str:
        return _when(self.day, self.affair.start, self.site.american, self.rng)

    def _s_meeting_when(self) -> str:
        return _when(self.day, self.affair.meeting, self.site.american, self.rng)

    def _s_letter_date(self) -> str:
        return _day_month(self.affair.letter, self.site.american, year=True)

    def _s_deadline(self) -> str:
        deadline = self.affair.deadline
        return _day_month(deadline, self.site.american, deadline.year != self.day.year)

    def _s_year(self) -> str:
        return str(self.affair.start.year + 1 + self.affair.number % 4)

    def _s_weekday(self) -> str:
        return self.rng.choice(WEEKDAYS[:5])

    def _s_weeks(self) -> str:
        days = max(self.offset, 14)
        if days < 56:
            return f"{NUMBER_WORDS[round(days / 7)]} weeks"
        return f"{NUMBER_WORDS[min(12, round(days / 30))]} months"

    def _s_issue(self) -> str:
        return self.render(self.affair.issue)

    def _s_council(self) -> str:
        return self.affair.council.name

    def _s_place(self) -> str:
        return self.affair.council.place

    def _s_topic(self) -> str:
        return self.affair.topic.name

    def _s_contractor(self) -> str:
        return self.affair.contractor

    def _s_group(self) -> str:
        return self.affair.group

    def _s_paper(self) -> str:
        return self.site.paper

    def _s_hall(self) -> str:
        return "City Hall" if self.affair.council.american else "the town hall"

    def _s_committee(self) -> str:
        portfolio = self.affair.topic.portfolio
        return f"the council's {portfolio} committee" if self.affair.council.american else \
            f"the {portfolio} scrutiny committee"

    def _s_street(self) -> str:
        return "Main Street" if self.affair.council.american else "the high street"

    def _s_elections(self) -> str:
        return "in November" if self.affair.council.american else "in May"

    def _s_short(self) -> str:
        marks = ("\u2018", "\u2019") if self.site.curly else ("'", "'")
        return f"{marks[0]}{self.rng.choice(HEADLINE_QUOTES)}{marks[1]}"

    # sentences, paragraphs, headline
    def sentence(self, template: str | tuple[str, str]) -> str:
        self._choose_people()
        if isinstance(template, tuple):
            template = template[0] if self.day <= self.affair.meeting else template[1]
        return _capitalise(self.render(template))

    def headline(self) -> str:
        defenders = [p for p in self.featured if p.defends]
        self.a = self.rng.choice(defenders or [self.affair.council.head])  # "X defends ...", "X under pressure"
        pool = FOLLOW_HEADLINES if self.offset >= 10 and self.rng.random() < 0.4 else self.affair.headlines
        return _capitalise(self.render(self.rng.choice(pool)))

    def paragraphs(self) -> list[str]:
        """A lede, a quote, then 3 to 7 paragraphs of one to three sentences, about a quarter filler."""
        rng = self.rng
        lede = rng.choice(FOLLOW_LEDES if self.offset >= 10 and rng.random() < 0.5 else LEDES)
        quotes = rng.sample(QUOTE_TEMPLATES, len(QUOTE_TEMPLATES))
        story = rng.sample(STORY_TEMPLATES, len(STORY_TEMPLATES))
        fillers = rng.sample(FILLERS, len(FILLERS))
        result = [self.sentence(lede), self.sentence(quotes.pop())]
        for _ in range(rng.randint(3, 7)):
            size = rng.choice((1, 1, 1, 2, 2, 2, 2, 2, 3, 3))
            sentences = []
            for _ in range(size):
                draw = rng.random()
                pool = fillers if draw < 0.28 and fillers else (quotes if draw < 0.5 and quotes else story)
                sentences.append(self.sentence(pool.pop()))
            result.append(" ".join(sentences))
        return result


# --- Public API -------------------------------------------------------------------------------------------

def make_article(i: int, affairs: int = 200, seed: int = 7, span_days: int = START_SPAN_DAYS) -> Article:
    """Article number ``i`` of a corpus of ``affairs`` affairs starting within ``span_days`` (deterministic)."""
    plan = _plan(i, affairs, seed, span_days)
    writer = _Writer(plan)
    title = writer.headline()
    body = "\n\n".join(writer.paragraphs())
    if plan.site.american:
        title, body = _title_case(_americanise(title)), _americanise(body)
    if plan.site.curly:
        body = body.replace("'", "\u2019")
        title = title.replace("'", "\u2019")
    return Article(title, body, writer.day.isoformat(), f"https://{plan.site.host}/news/{i}", plan.site.host,
                   plan.affair.number)


def affair_of(i: int, affairs: int = 200, seed: int = 7) -> int:
    """The gold affair (story) of article ``i``, as in :func:`make_article`."""
    return _plan(i, affairs, seed).affair.number


def affair_by_url(count: int, affairs: int, seed: int = 7, span_days: int = START_SPAN_DAYS) -> dict[str, int]:
    """Gold labels of the first ``count`` articles (as :func:`write_corpus` writes them), keyed by url."""
    labels = {}
    for i in range(count):
        plan = _plan(i, affairs, seed, span_days)
        labels[f"https://{plan.site.host}/news/{i}"] = plan.affair.number
    return labels


def to_html(a: Article) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a.body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{html.escape(a.title)}</title>"
        f'<meta property="og:title" content="{html.escape(a.title)}">'
        f'<meta property="article:published_time" content="{a.published}">'
        f'<link rel="canonical" href="{a.url}"></head><body><nav>Home | News | Sport</nav>'
        f"<article><h1>{html.escape(a.title)}</h1>{paras}</article><footer>(c) {a.site}</footer></body></html>"
    )


def to_record(a: Article) -> dict[str, str]:
    return {"title": a.title, "text": a.body, "published": a.published, "url": a.url, "source": a.site}


JSONL_RECORDS = 10_000


def write_corpus(folder: Path, count: int, html_share: float = 0.5, affairs: int = 200, seed: int = 7,
                 span_days: int = START_SPAN_DAYS) -> int:
    """Write ``count`` articles: a share as .html files, the rest as .jsonl files; return total bytes.

    Affairs start within ``span_days`` of 1 January 2021 (five years unless told): a shorter span packs the
    same corpus into fewer days, as a busier news beat would.

    JSON Lines files hold at most ``JSONL_RECORDS`` articles each (about 15 MB), below ingest's
    per-file size cap, so a 100,000-article corpus is read whole."""
    folder.mkdir(parents=True, exist_ok=True)
    n_html = int(count * html_share)
    total = 0
    for i in range(n_html):
        data = to_html(make_article(i, affairs, seed, span_days)).encode("utf-8")
        (folder / f"article-{i:06d}.html").write_bytes(data)
        total += len(data)
    for part, first in enumerate(range(n_html, count, JSONL_RECORDS)):
        with open(folder / f"articles-{part:03d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(first, min(count, first + JSONL_RECORDS)):
                line = json.dumps(to_record(make_article(i, affairs, seed, span_days)), ensure_ascii=False) + "\n"
                out.write(line)
                total += len(line.encode("utf-8"))
    return total
