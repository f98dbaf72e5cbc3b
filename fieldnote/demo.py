"""The demo data set: a mid-size data-platform company's events, leads, debriefs and collateral.

`demo_dataset(seed, collateral=...)` returns the same records with the same ids every time, so
seeding a hub or a data dir twice changes nothing. Pure: no Qt, SQL, HTTP or file access. The
demo collateral (its catalogue and the facts of its files under `resources/demo/`) is read by
`resources.demo_files` and passed in.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import random
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from fieldnote.scoring import DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID, Rubric, parse_rubric, score
from fieldnote.validation import format_datetime

DEMO_PASSWORD = "demo"
DEMO_DOMAIN = "demo.fieldnote"
# Every date in the data set is placed relative to this day, never to the clock.
ANCHOR = dt.date(2026, 11, 1)
# Nothing happens after this moment: outcomes, debriefs, comments and usage stop here.
DATA_ENDS = dt.datetime(2026, 11, 27, 18, 0, tzinfo=dt.UTC)
CONSENT_TEXT_VERSION = "booth-consent-2026.2"

REP, REP2, REP3 = "rep@demo.fieldnote", "rep2@demo.fieldnote", "rep3@demo.fieldnote"
MARKETER, MANAGER, ADMIN = (
    "marketer@demo.fieldnote", "manager@demo.fieldnote", "admin@demo.fieldnote"
)
REPS = (REP, REP2, REP3)

_USERS: tuple[tuple[str, str, str, str | None], ...] = (
    # email, name, role, team
    (REP, "Riley Chen", "rep", "east"),
    (REP2, "Marcus Oyelaran", "rep", "west"),
    (REP3, "Sofia Lindqvist", "rep", "east"),
    (MARKETER, "Priya Natarajan", "marketer", None),
    (MANAGER, "Daniel Brooks", "manager", "east"),
    (ADMIN, "Alex Morgan", "admin", None),
)
_TEAM = {email: team for email, _, _, team in _USERS}


class DemoRecord(NamedTuple):
    """One record as a client would push it; `owner_email` says which demo user made it.

    A named tuple, so seeders may unpack it as `kind, record_id, fields, owner_email`.
    """

    kind: str
    record_id: str
    fields: Mapping[str, Any]
    owner_email: str


@dataclass(frozen=True)
class DemoData:
    """Users, records in dependency order (a reference always points back), and blob files."""

    users: list[dict[str, Any]]
    records: list[DemoRecord]
    blobs: list[Path] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[DemoRecord]:
        return [r for r in self.records if r.kind == kind]


@dataclass(frozen=True)
class CollateralSpec:
    """One piece of demo collateral, as `resources/demo/catalogue.json` lists it;
    `tools/make_demo_pdfs.py` renders a PDF for each."""

    stem: str
    title: str
    kind: str
    summary: str
    tags: tuple[str, ...]
    published_on: dt.date
    audience: tuple[str, ...] = ()
    status: str = "approved"
    version: int = 1
    supersedes: str | None = None  # stem of the older version this one replaces
    expires_on: dt.date | None = None

    @property
    def file_name(self) -> str:
        return f"{self.stem}.pdf"


def collateral_spec(entry: Mapping[str, Any]) -> CollateralSpec:
    """A catalogue entry (an object of `resources/demo/catalogue.json`) as a CollateralSpec."""
    expires = entry.get("expires_on")
    return CollateralSpec(
        stem=str(entry["stem"]), title=str(entry["title"]), kind=str(entry["kind"]),
        summary=str(entry["summary"]), tags=tuple(entry["tags"]),
        published_on=dt.date.fromisoformat(entry["published_on"]),
        audience=tuple(entry.get("audience", ())), status=str(entry.get("status", "approved")),
        version=int(entry.get("version", 1)), supersedes=entry.get("supersedes"),
        expires_on=dt.date.fromisoformat(expires) if expires else None,
    )


@dataclass(frozen=True)
class DemoCollateral:
    """A catalogue entry with the facts of its file, as the reader found them."""

    spec: CollateralSpec
    sha256: str
    size: int
    text: str  # the words inside the file, for search
    path: Path  # where the file is, for whoever stores it (a hub's file store)


@dataclass(frozen=True)
class DemoAttachment:
    """A voice note or photo of the demo (`resources/demo/media/`) with the facts of its file,
    as `resources.demo_files.demo_attachments` read them."""

    media: str
    label: str | None
    caption: str | None
    mime_type: str
    duration_ms: int | None
    width: int | None
    height: int | None
    sha256: str
    size: int
    path: Path  # where the file is, for whoever stores it (a hub's file store)


def attachment_lead(records: Sequence[DemoRecord]) -> DemoRecord:
    """The lead the demo's voice note and photos belong to: the demo rep's latest capture,
    the first of their lead list."""
    own = [r for r in records if r.kind == "lead" and r.owner_email == REP]
    return max(own, key=lambda r: (str(r.fields["captured_at"]), r.record_id))


def demo_user(email: str) -> dict[str, Any]:
    """The demo user with this email (a fresh dict, password included)."""
    for user in _users():
        if user["email"] == email.strip().lower():
            return user
    known = ", ".join(u[0] for u in _USERS)
    raise KeyError(f"No demo user {email!r}; the demo users are {known}")


# ---------------------------------------------------------------------------------------------
# Ids


def _uuid7(rng: random.Random, at: dt.datetime) -> str:
    """A UUIDv7 for a record made at `at`, with its random bits drawn from the seeded rng."""
    ms = int(at.timestamp() * 1000) & ((1 << 48) - 1)
    value = ms << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _at(day: dt.date, hour: int = 12, minute: int = 0, utc_offset: int = 0) -> dt.datetime:
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)
    return local - dt.timedelta(hours=utc_offset)


def _iso(value: dt.datetime) -> str:
    return format_datetime(value)


# ---------------------------------------------------------------------------------------------
# Users


def _users() -> list[dict[str, Any]]:
    # Users come from their own fixed rng: their ids never depend on the seed or on the rest
    # of the data, so a hub seeded with any demo data set knows the same accounts.
    rng = random.Random("fieldnote-demo-users")
    born = dt.datetime(2025, 6, 2, 9, 0, tzinfo=dt.UTC)
    return [
        {"id": _uuid7(rng, born + dt.timedelta(minutes=i)), "email": email, "name": name,
         "role": role, "team": team, "password": DEMO_PASSWORD}
        for i, (email, name, role, team) in enumerate(_USERS)
    ]


# ---------------------------------------------------------------------------------------------
# Rubrics and scoring

def _booth_rubric_fields() -> dict[str, Any]:
    """The shared demo rubric, as this company's marketing team runs it at its booths.

    It is `fieldnote.scoring`'s demo rubric (same questions, points, thresholds and
    must-haves, same record id) at version 2, with the "need" options speaking about this
    company's products instead of generic ones.
    """
    fields = copy.deepcopy(DEMO_RUBRIC_FIELDS)
    fields["name"] = "Booth qualification"
    fields["version"] = 2
    need = next(q for q in fields["questions"] if q["id"] == "need")
    need["text"] = "What do they need solved?"
    need["options"] = [
        {"value": "real_time_data", "label": "Real-time data, lower latency", "points": 8},
        {"value": "governed_metrics", "label": "Trusted metrics, fewer BI tools", "points": 8},
        {"value": "predictive_maintenance", "label": "Predictive maintenance", "points": 8},
        {"value": "compliance", "label": "Compliance (HIPAA, GDPR)", "points": 4},
        {"value": "just_looking", "label": "Just looking", "points": 0},
    ]
    return fields


BOOTH_RUBRIC: Rubric = parse_rubric(_booth_rubric_fields(), rubric_id=DEMO_RUBRIC_ID)

IOT_RUBRIC: Rubric = parse_rubric({
    "name": "Industrial IoT qualification",
    "version": 1,
    "questions": [
        {"id": "use_case", "text": "What would you monitor first?", "type": "single",
         "options": [
             {"value": "predictive_maintenance", "label": "Predictive maintenance",
              "points": 25},
             {"value": "energy", "label": "Energy use", "points": 15},
             {"value": "quality", "label": "Product quality", "points": 15},
             {"value": "exploring", "label": "Just exploring", "points": 0}]},
        {"id": "sites", "text": "How many plants or sites?", "type": "number", "ranges": [
            {"min": 1, "max": 1, "points": 5},
            {"min": 2, "max": 5, "points": 10},
            {"min": 6, "points": 20}]},
        {"id": "timeframe", "text": "When would a pilot start?", "type": "single",
         "options": [
             {"value": "0-3m", "label": "Within 3 months", "points": 25},
             {"value": "3-6m", "label": "3 to 6 months", "points": 15},
             {"value": "6-12m", "label": "6 to 12 months", "points": 5},
             {"value": "unknown", "label": "No plan yet", "points": 0}]},
        {"id": "connectivity", "text": "Which connectivity is available on the floor?",
         "type": "multi", "max_points": 10, "options": [
             {"value": "lorawan", "label": "LoRaWAN", "points": 5},
             {"value": "wifi", "label": "Wi-Fi", "points": 5},
             {"value": "cellular", "label": "Cellular", "points": 5},
             {"value": "wired", "label": "Wired only", "points": 0}]},
        {"id": "budget", "text": "Is budget allocated for a pilot?", "type": "yesno",
         "yes_points": 20, "no_points": 0},
        {"id": "machines", "text": "Which machines fail most often?", "type": "text"},
    ],
    "thresholds": {"hot": 60, "warm": 30},
    "must_have": [
        {"question_id": "use_case", "values": ["predictive_maintenance", "energy", "quality"]},
        {"question_id": "sites", "min": 1},
    ],
})


# ---------------------------------------------------------------------------------------------
# Reasons, objections, competitors

REASONS: dict[str, list[str]] = {
    "why_buy": [
        "Real-time data (latency)", "Consolidate BI tools", "Security and compliance (HIPAA, "
        "SOC 2)", "Fewer engineering hours on connectors", "One definition of every metric",
        "Predictive maintenance ROI", "Strong reference customers", "Total cost lower than "
        "consumption pricing", "Works with our Snowflake / Databricks",
    ],
    "why_not": [
        "Price too high", "No budget this year", "Already using Snowflake",
        "Happy with current tooling", "Security review", "Missing connector",
        "Timing / reorganisation", "Prefer to build in-house", "Hardware install effort",
    ],
    "lost": [
        "Lost to Snowflake", "Lost to Databricks", "Lost to Tableau", "Lost to Power BI",
        "Price", "No decision", "Project cancelled", "Built in-house", "Champion left",
    ],
    "disqualified": [
        "Student / no buying role", "Competitor", "Too small", "Outside our territory",
        "No project", "Duplicate contact", "Consultant without end customer",
    ],
}

OBJECTIONS = (
    "Price too high", "Already using Snowflake", "Security review", "Needs SSO and SCIM",
    "Missing SAP connector", "EU data residency", "Long procurement cycle",
    "Adoption / change management", "Hardware install effort", "Consumption pricing "
    "preferred",
)
COMPETITORS = (
    "Snowflake", "Databricks", "Tableau", "Power BI", "Fivetran", "Looker", "Samsara",
    "In-house build",
)

# ---------------------------------------------------------------------------------------------
# People and companies

# country: (first names, last names); accents where the language has them.
_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "US": (("James", "Emily", "Michael", "Sarah", "David", "Jessica", "Chris", "Ashley",
            "Brian", "Megan", "Kevin", "Lauren", "Jason", "Rachel", "Tyler", "Nicole",
            "Andre", "Keisha", "Carlos", "Maria", "Ethan", "Hannah", "Jamal", "Olivia"),
           ("Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Rodriguez",
            "Martinez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
            "Nguyen", "Patel", "Kim", "Robinson", "Walker", "O'Connor", "Sullivan",
            "Washington", "Coleman")),
    "CA": (("Liam", "Chloé", "Noah", "Émilie", "Owen", "Sophie", "Mathieu", "Ava"),
           ("Tremblay", "Gagnon", "Roy", "Côté", "MacDonald", "Campbell", "Bouchard",
            "Leblanc")),
    "GB": (("Oliver", "Amelia", "Harry", "Isla", "George", "Priya", "Callum", "Fiona",
            "Rhys", "Charlotte"),
           ("Clarke", "Hughes", "Evans", "Wright", "Patel", "Thompson", "Shah", "Davies",
            "Murray", "Holloway")),
    "IE": (("Siobhán", "Cian", "Aoife", "Declan"), ("Ó Briain", "Murphy", "Kelly", "Byrne")),
    "DE": (("Lukas", "Anna", "Jürgen", "Katrin", "Felix", "Sabine", "Tobias", "Lena",
            "Matthias", "Julia", "Stefan", "Miriam"),
           ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann",
            "Schäfer", "Koch", "Richter", "Krüger", "Wagner")),
    "AT": (("Florian", "Theresa", "Lukas", "Verena"), ("Gruber", "Huber", "Wimmer", "Pichler")),
    "CH": (("Reto", "Corinne", "Urs", "Nadia"), ("Meier", "Brunner", "Baumann", "Keller")),
    "FR": (("Camille", "Julien", "Léa", "Mathieu", "Hélène", "Antoine", "Margaux", "Benoît"),
           ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau",
            "Fontaine")),
    "NL": (("Daan", "Sanne", "Joris", "Femke", "Bram"),
           ("de Vries", "Jansen", "van den Berg", "Bakker", "Visser")),
    "SE": (("Erik", "Åsa", "Johan", "Linnéa", "Björn"),
           ("Andersson", "Lindqvist", "Nyström", "Öberg", "Sjöberg")),
    "NO": (("Kristian", "Ingrid", "Håkon", "Solveig"), ("Halvorsen", "Berg", "Løken", "Dahl")),
    "DK": (("Søren", "Mette", "Rasmus", "Freja"), ("Jørgensen", "Nielsen", "Kjær", "Larsen")),
    "PL": (("Łukasz", "Agnieszka", "Piotr", "Magdalena", "Paweł"),
           ("Kowalski", "Wiśniewska", "Zieliński", "Wójcik", "Nowak")),
    "IT": (("Giulia", "Marco", "Francesca", "Alessandro", "Chiara"),
           ("Rossi", "Bianchi", "Esposito", "Romano", "Colombo")),
    "ES": (("José", "Lucía", "Álvaro", "Marta", "Íñigo"),
           ("García", "Núñez", "Fernández", "López", "Martín")),
    "BR": (("João", "Ana", "Thiago", "Luíza", "Gustavo"),
           ("Silva", "Conceição", "Oliveira", "Araújo", "Souza")),
    "MX": (("Alejandro", "Sofía", "Diego", "Valeria", "Andrés"),
           ("Hernández", "González", "Ramírez", "Pérez", "Ibáñez")),
    "IN": (("Arjun", "Ananya", "Rohan", "Priya", "Vikram", "Sneha"),
           ("Sharma", "Iyer", "Reddy", "Mehta", "Kulkarni", "Banerjee")),
}

# Names written in their own script, with the romanised form used for email addresses.
_NATIVE_NAMES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    # country: (first, last, first latin, last latin)
    "JP": (("健", "佐藤", "ken", "sato"), ("由美", "田中", "yumi", "tanaka"),
           ("翔太", "鈴木", "shota", "suzuki"), ("美咲", "高橋", "misaki", "takahashi")),
    "CN": (("芳", "王", "fang", "wang"), ("伟", "李", "wei", "li"),
           ("静", "张", "jing", "zhang"), ("磊", "刘", "lei", "liu")),
    "KR": (("민준", "김", "minjun", "kim"), ("서연", "이", "seoyeon", "lee"),
           ("지호", "박", "jiho", "park"), ("하은", "최", "haeun", "choi")),
}

# country: (company, web domain, industry)
_COMPANIES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "US": (("Brightwater Health Partners", "brightwaterhealth.com", "healthcare"),
           ("Kestrel Automotive Components", "kestrelauto.com", "manufacturing"),
           ("Meridian Federal Credit Union", "meridianfcu.org", "finance"),
           ("Ironbridge Logistics", "ironbridgelogistics.com", "logistics"),
           ("Summit Ridge Foods", "summitridgefoods.com", "food"),
           ("Cascadia Water Authority", "cascadiawater.org", "utilities"),
           ("Lakeshore Retail Group", "lakeshoreretail.com", "retail"),
           ("Redwood Mutual Insurance", "redwoodmutual.com", "insurance"),
           ("Pinnacle Biologics", "pinnaclebio.com", "pharma"),
           ("Harborview Medical Center", "harborviewmc.org", "healthcare"),
           ("Trident Packaging", "tridentpack.com", "manufacturing"),
           ("Copperline Energy", "copperline-energy.com", "energy"),
           ("Bluebonnet Telecom", "bluebonnettel.com", "telecom"),
           ("Sterling Row Capital", "sterlingrow.com", "finance"),
           ("Frontier Cold Chain", "frontiercoldchain.com", "logistics"),
           ("Oakmont Plastics", "oakmontplastics.com", "manufacturing"),
           ("Granite State Hospital Network", "granitestatehn.org", "healthcare"),
           ("Vantage Point Software", "vantagepoint.io", "software")),
    "CA": (("Maple Leaf Freight", "mapleleaffreight.ca", "logistics"),
           ("Laurentian Hydro Services", "laurentianhydro.ca", "utilities"),
           ("Northshore Health Alliance", "northshorehealth.ca", "healthcare")),
    "MX": (("Grupo Industrial Sierra Madre", "gisierramadre.com.mx", "manufacturing"),
           ("Logística del Bajío", "logisticabajio.com.mx", "logistics")),
    "BR": (("Banco Atlântico", "bancoatlantico.com.br", "finance"),
           ("Agroverde Alimentos", "agroverde.com.br", "food")),
    "GB": (("Halden & Pryce Insurance", "haldenpryce.co.uk", "insurance"),
           ("Thameslink Freight Ltd", "thameslinkfreight.co.uk", "logistics"),
           ("Pennine Water Services", "penninewater.co.uk", "utilities"),
           ("Albion Retail plc", "albionretail.co.uk", "retail")),
    "IE": (("Liffey Pharma Ltd", "liffeypharma.ie", "pharma"),),
    "DE": (("Rheinwerk Maschinenbau GmbH", "rheinwerk-mb.de", "manufacturing"),
           ("Alpenland Molkerei AG", "alpenland-molkerei.de", "food"),
           ("Nordstern Logistik GmbH", "nordstern-logistik.de", "logistics"),
           ("Stadtwerke Lindenau", "sw-lindenau.de", "utilities"),
           ("Bergmann Antriebstechnik GmbH", "bergmann-antriebe.de", "manufacturing"),
           ("Hanse Versicherung AG", "hanse-versicherung.de", "insurance"),
           ("Kliniken am Isartor", "kliniken-isartor.de", "healthcare")),
    "AT": (("Donau Stahl GmbH", "donaustahl.at", "manufacturing"),),
    "CH": (("Helvetia Präzision AG", "helvetia-praezision.ch", "manufacturing"),
           ("Bodensee Pharma AG", "bodensee-pharma.ch", "pharma")),
    "FR": (("Groupe Vauclair", "vauclair.fr", "manufacturing"),
           ("Lumière Énergie SA", "lumiere-energie.fr", "energy"),
           ("Transports Garonne", "transports-garonne.fr", "logistics")),
    "NL": (("Van Dijk Agri B.V.", "vandijkagri.nl", "food"),
           ("Rotterdam Terminal Services", "rts-terminals.nl", "logistics")),
    "SE": (("Norrland Papper AB", "norrlandpapper.se", "manufacturing"),),
    "NO": (("Halvorsen Logistics ASA", "halvorsenlogistics.no", "logistics"),
           ("Fjordkraft Aqua AS", "fjordaqua.no", "food")),
    "DK": (("Øresund Pharma A/S", "oresundpharma.dk", "pharma"),),
    "PL": (("Wisła Automotive Sp. z o.o.", "wisla-automotive.pl", "manufacturing"),
           ("Baltyk Energia S.A.", "baltykenergia.pl", "energy")),
    "IT": (("Officine Meccaniche Lombarde", "oml-meccanica.it", "manufacturing"),
           ("Banca del Tirreno", "bancatirreno.it", "finance")),
    "ES": (("Ibérica de Envases S.A.", "ibericaenvases.es", "manufacturing"),),
    "IN": (("Deccan Steel & Power", "deccansteel.in", "manufacturing"),
           ("Sahyadri Health Systems", "sahyadrihealth.in", "healthcare")),
    "JP": (("Kitamura Seiki", "kitamura-seiki.co.jp", "manufacturing"),),
    "CN": (("Huadong Precision Manufacturing", "huadong-precision.cn", "manufacturing"),),
    "KR": (("Hanbit Semiconductor", "hanbitsemi.co.kr", "manufacturing"),),
}

_TITLES_DATA = (
    "Chief Data Officer", "VP Data Engineering", "Head of Analytics", "Director of BI",
    "Data Engineering Manager", "Senior Data Engineer", "Analytics Engineer",
    "Data Architect", "CTO", "VP Finance", "Director of IT", "BI Analyst",
    "Head of Data Platform", "Principal Engineer", "Solutions Architect", "CIO",
)
_TITLES_OPS = (
    "Plant Manager", "Head of Maintenance", "Reliability Engineer", "VP Operations",
    "Director of Manufacturing", "Maintenance Planner", "OT Security Lead",
    "Energy Manager", "Automation Engineer", "COO",
)
_TITLES_HEALTH = (
    "Chief Medical Information Officer", "Director of Clinical Analytics",
    "VP Revenue Cycle", "Nursing Informatics Lead", "Compliance Officer",
)

_PHONE_PATTERNS: dict[str, tuple[str, ...]] = {
    # '#' is a digit 0-9, 'N' a digit 2-9; each pattern is a valid E.164 shape for the country.
    "US": ("+1212N##0###", "+1646N##1###", "+1415N##2###", "+1512N##3###", "+1617N##4###",
           "+1312N##5###", "+1206N##6###", "+1404N##7###"),
    "CA": ("+1416N##2###", "+1514N##3###", "+1604N##4###"),
    "MX": ("+5255########", "+5281########"),
    "BR": ("+55119########", "+55219########"),
    "GB": ("+4420794600##", "+447400######", "+447830######"),
    "IE": ("+35387#######",),
    "DE": ("+4930########", "+4989########", "+49151########"),
    "AT": ("+43664#######",),
    "CH": ("+4179#######",),
    "FR": ("+331########", "+3361#######", "+3366#######"),
    "NL": ("+3120#######", "+3161#######", "+3165#######"),
    "SE": ("+46701######", "+468#######"),
    "NO": ("+4790######", "+4792######", "+4741######"),
    "DK": ("+45204#####", "+4526######"),
    "PL": ("+48601######", "+48501######"),
    "IT": ("+39347#######",),
    "ES": ("+34612######", "+3491#######"),
    "IN": ("+9198########", "+9199########"),
    "JP": ("+81901#######", "+81908#######"),
    "CN": ("+86138########",),
    "KR": ("+82102#######", "+82108#######"),
}


def _phone(rng: random.Random, country: str) -> str:
    pattern = rng.choice(_PHONE_PATTERNS[country])
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "N":
            out.append(str(rng.randrange(2, 10)))
        else:
            out.append(ch)
    return "".join(out)


_ASCII_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
                             "ß": "ss", "đ": "d", "'": "", " ": ""})


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-")).lower()


def _email(rng: random.Random, first: str, last: str, domain: str) -> str:
    f, last_ascii = _ascii(first), _ascii(last)
    shape = rng.random()
    if shape < 0.6:
        local = f"{f}.{last_ascii}"
    elif shape < 0.8:
        local = f"{f[:1]}{last_ascii}"
    elif shape < 0.9:
        local = f"{f}{last_ascii[:1]}"
    else:
        local = f
    return f"{local}@{domain}"


# ---------------------------------------------------------------------------------------------
# Events


@dataclass(frozen=True)
class _Event:
    key: str
    name: str
    venue: str
    starts_on: dt.date
    ends_on: dt.date
    campaign_code: str
    utc_offset: int  # local time at the venue during the show
    rubric: str  # "booth" or "iot"
    share: float  # of all leads
    owners: tuple[tuple[str, float], ...]
    countries: tuple[tuple[str, float], ...]
    titles: tuple[str, ...]


# What the shows cost (stand, travel, fees); Austin was booked by the US office in dollars, so
# Insights shows its cost per lead but sets no euro amounts against it.
_EVENT_COSTS: dict[str, dict[str, Any]] = {
    "nyc": {"cost_amount": 96_000},
    "muc": {"cost_amount": 68_500},
    "aus": {"cost_amount": 41_500, "cost_currency": "USD"},
}

# Booth goals (`fieldnote.goals`): the team's per day and for the show, and each rep's own
# for the show; the booth board and the capture screen's counter count against them.
def _event_goals(key: str, ids: Mapping[str, str]) -> dict[str, Any]:
    if key not in ("nyc", "muc", "aus"):
        return {}
    return {"goals": [
        {"metric": "leads", "scope": "team", "period": "show", "target": 250},
        {"metric": "leads", "scope": "team", "period": "day", "target": 60},
        {"metric": "qualified", "scope": "team", "period": "show", "target": 90},
        {"metric": "hot", "scope": "team", "period": "show", "target": 30},
        *({"metric": "leads", "scope": ids[rep], "period": "show", "target": 80}
          for rep in REPS),
    ]}


_EVENTS: tuple[_Event, ...] = (
    _Event("nyc", "DataWorld Summit New York 2026", "Javits Center, New York, NY",
           ANCHOR - dt.timedelta(days=47), ANCHOR - dt.timedelta(days=45), "DWS26-NYC", -4,
           "booth", 0.42,
           ((REP, 0.6), (REP3, 0.3), (REP2, 0.1)),
           (("US", 60), ("CA", 8), ("GB", 7), ("DE", 3), ("FR", 2), ("IN", 5), ("BR", 3),
            ("MX", 3), ("JP", 2), ("IE", 2), ("NL", 2), ("KR", 1), ("CN", 1)),
           _TITLES_DATA),
    _Event("muc", "Industrial IoT Expo Europe 2026", "Messe München, Munich",
           ANCHOR - dt.timedelta(days=26), ANCHOR - dt.timedelta(days=24), "IIOT26-MUC", 2,
           "iot", 0.36,
           ((REP, 0.5), (REP3, 0.3), (REP2, 0.2)),
           (("DE", 32), ("AT", 6), ("CH", 6), ("FR", 8), ("NL", 6), ("GB", 6), ("SE", 4),
            ("NO", 4), ("DK", 3), ("PL", 6), ("IT", 5), ("ES", 4), ("US", 3), ("JP", 2),
            ("CN", 2), ("KR", 2)),
           _TITLES_OPS + ("Head of Data Platform", "Data Architect", "Director of IT")),
    _Event("aus", "Cloud Analytics Week Austin", "Austin Convention Center, Austin, TX",
           ANCHOR + dt.timedelta(days=2), ANCHOR + dt.timedelta(days=4), "CAW26-AUS", -6,
           "booth", 0.22,
           ((REP2, 0.45), (REP, 0.4), (REP3, 0.15)),
           (("US", 74), ("CA", 6), ("MX", 7), ("IN", 4), ("BR", 3), ("GB", 3)),
           _TITLES_DATA),
    _Event("orl", "HealthData Forum 2027", "Orange County Convention Center, Orlando, FL",
           ANCHOR + dt.timedelta(days=86), ANCHOR + dt.timedelta(days=88), "HDF27-ORL", -5,
           "booth", 0.0, ((REP, 1.0),), (("US", 1),), _TITLES_HEALTH),
)

_NOTES = (
    "Nightly batch ETL from Oracle is the pain; dashboards are a day old. Wants a Pipeline "
    "demo with the Oracle CDC connector.",
    "Evaluating a replacement for three BI tools. Asked about the semantic layer and row-level "
    "security.",
    "Healthcare system, needs HIPAA BAA before any trial. Send the Mercy Valley case study.",
    "Runs Snowflake already; interested in Pipeline feeding it in real time, not a "
    "replacement.",
    "Plant with 400 motors, two failures last quarter. Interested in an Edge Sensors pilot.",
    "Asked for EU data residency (Frankfurt) and a DPA. Security team will need the trust "
    "pack.",
    "Came by twice, brought their CTO on day two. Budget approved for Q1.",
    "Price sensitive; currently on Fivetran and complained about consumption costs.",
    "Student at the university, interested in the internship program.",
    "Consultant working for a logistics client; wants partner pricing.",
    "Latency requirement under 2 seconds for fraud scoring. Hot.",
    "Wants a German-language sell sheet for their works council.",
    "Has a Databricks team of 12; interested only in the semantic layer.",
    "Cold-chain logistics, temperature excursions cost them a full truckload last month.",
    "Already a customer of Insight Cloud (Team edition); wants to upgrade to Business.",
    "Asked whether Edge Sensors work in ATEX Zone 2 areas. Yes: send spec sheet.",
    "Needs SSO via Okta and SCIM before IT will approve anything.",
    "Timeline depends on a reorganisation in January; follow up in February.",
)

_INTEREST_EXTRAS = ("pricing", "security", "demo request", "trial", "case studies",
                    "partner program", "HIPAA", "EU data residency")


@dataclass
class _Lead:
    record_id: str
    owner: str
    event: _Event
    event_id: str
    fields: dict[str, Any]
    captured: dt.datetime
    grade: str
    company: str
    contact: str
    title: str
    country: str
    stages: list[tuple[str, dt.datetime]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The data set


def demo_dataset(seed: int = 7, leads: int = 600, *,
                 collateral: Sequence[DemoCollateral],
                 attachments: Sequence[DemoAttachment] = ()) -> DemoData:
    """The whole demo data set for `seed`: the same ids and values on every call.

    `collateral` is the demo library in catalogue order (`resources.demo_files.demo_collateral`);
    `attachments` the voice note and photos of the demo rep's latest lead
    (`resources.demo_files.demo_attachments`), made last so no other id depends on them.
    """
    if leads < 0:
        raise ValueError("leads must be zero or more")
    users = _users()
    rng = random.Random(seed)
    records: list[DemoRecord] = []

    def add(kind: str, at: dt.datetime, fields: dict[str, Any], owner: str) -> str:
        record_id = _uuid7(rng, at)
        records.append(DemoRecord(kind, record_id, fields, owner))
        return record_id

    # Rubrics and reason lists: set up by marketing before the season.
    season = _at(ANCHOR - dt.timedelta(days=80), 10)
    # The booth rubric keeps the shared demo rubric's fixed id; the IoT one gets a seeded id.
    records.append(DemoRecord("rubric", DEMO_RUBRIC_ID, BOOTH_RUBRIC.to_fields(), MARKETER))
    iot_id = add("rubric", season + dt.timedelta(hours=1), IOT_RUBRIC.to_fields(), MARKETER)
    rubrics = {
        "booth": dataclasses.replace(BOOTH_RUBRIC, id=DEMO_RUBRIC_ID),
        "iot": dataclasses.replace(IOT_RUBRIC, id=iot_id),
    }
    for i, (name, items) in enumerate(REASONS.items()):
        add("reason_list", season + dt.timedelta(hours=2, minutes=i),
            {"list": name, "items": list(items)}, MARKETER)

    event_ids: dict[str, str] = {}
    for ev in _EVENTS:
        event_ids[ev.key] = add("event", _at(ev.starts_on - dt.timedelta(days=60), 15), {
            "name": ev.name, "venue": ev.venue, "starts_on": ev.starts_on.isoformat(),
            "ends_on": ev.ends_on.isoformat(), "campaign_code": ev.campaign_code,
            "rubric_id": rubrics[ev.rubric].id,
            "country": ev.countries[0][0],  # the venue's country is its visitors' first
            **_EVENT_COSTS.get(ev.key, {}),
            **_event_goals(ev.key, {u["email"]: u["id"] for u in users}),
        }, MARKETER)

    library, blobs = _collateral(collateral, add)
    # What each rep may see: approved collateral for everyone or for the rep's team.
    visible = {
        rep: [cid for cid, spec in library.values()
              if spec.status == "approved" and (not spec.audience or _TEAM[rep] in spec.audience)]
        for rep in REPS
    }

    lead_list = _leads(rng, leads, event_ids, rubrics, visible)
    for lead in lead_list:
        lead.record_id = _uuid7(rng, lead.captured)
        records.append(DemoRecord("lead", lead.record_id, lead.fields, lead.owner))

    for lead in lead_list:
        _funnel(rng, lead, add)

    debriefs = _debriefs(rng, lead_list, library, visible, add)
    _comments(rng, debriefs, add)
    _usage(rng, lead_list, debriefs, visible, add)
    _feedback(rng, library, visible, add)
    _requests(event_ids, library, add)
    if attachments and lead_list:
        blobs += _attachments(records, attachments, add)
    return DemoData(users=users, records=records, blobs=blobs)


def _attachments(records: Sequence[DemoRecord], attachments: Sequence[DemoAttachment],
                 add: Any) -> list[Path]:
    lead = attachment_lead(records)
    at = dt.datetime.fromisoformat(str(lead.fields["captured_at"]).replace("Z", "+00:00"))
    for n, item in enumerate(attachments):
        fields = {"lead_id": lead.record_id, "media": item.media, "label": item.label,
                  "caption": item.caption, "file_sha256": item.sha256, "file_size": item.size,
                  "mime_type": item.mime_type, "duration_ms": item.duration_ms,
                  "width": item.width, "height": item.height,
                  "at": _iso(at + dt.timedelta(minutes=1 + n))}
        add("lead_attachment", at + dt.timedelta(minutes=1 + n),
            {k: v for k, v in fields.items() if v is not None}, lead.owner_email)
    return [item.path for item in attachments]


def _collateral(collateral: Sequence[DemoCollateral],
                add: Any) -> tuple[dict[str, tuple[str, CollateralSpec]], list[Path]]:
    out: dict[str, tuple[str, CollateralSpec]] = {}
    blobs: list[Path] = []
    for item in collateral:
        spec = item.spec
        fields: dict[str, Any] = {
            "title": spec.title, "summary": spec.summary, "kind": spec.kind,
            "tags": list(spec.tags), "status": spec.status, "version": spec.version,
            "file_sha256": item.sha256, "file_name": spec.file_name,
            "file_size": item.size, "mime_type": "application/pdf",
            "audience": list(spec.audience), "text": item.text,
        }
        if spec.supersedes:
            fields["supersedes_id"] = out[spec.supersedes][0]
        if spec.expires_on:
            fields["expires_on"] = spec.expires_on.isoformat()
        out[spec.stem] = (add("collateral", _at(spec.published_on, 14), fields, MARKETER), spec)
        blobs.append(item.path)
    return out, blobs


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _leads(rng: random.Random, count: int, event_ids: Mapping[str, str],
           rubrics: Mapping[str, Rubric],
           visible: Mapping[str, list[str]]) -> list[_Lead]:
    shows = [ev for ev in _EVENTS if ev.share > 0]
    out: list[_Lead] = []
    badge_no = 104_000
    for _ in range(count):
        ev = _weighted(rng, [(e, e.share) for e in shows])
        owner = _weighted(rng, ev.owners)
        country = _weighted(rng, ev.countries)
        company, domain, industry = rng.choice(_COMPANIES[country])
        if country in _NATIVE_NAMES:
            first, last, first_latin, last_latin = rng.choice(_NATIVE_NAMES[country])
        else:
            firsts, lasts = _NAMES[country]
            first, last = rng.choice(firsts), rng.choice(lasts)
            first_latin, last_latin = first, last
        title = rng.choice(_TITLES_HEALTH if industry == "healthcare" and rng.random() < 0.6
                           else ev.titles)
        # Booth hours 09:00-17:30 local; busiest around lunch and mid-afternoon.
        day = ev.starts_on + dt.timedelta(days=rng.randrange((ev.ends_on - ev.starts_on).days + 1))
        minute = int(min(max(rng.triangular(9 * 60, 17.5 * 60, 13.5 * 60), 9 * 60), 17.5 * 60))
        captured = _at(day, minute // 60, minute % 60, ev.utc_offset) + dt.timedelta(
            seconds=rng.randrange(60))
        quality = rng.betavariate(*((1.2, 3.0) if ev.rubric == "iot" else (1.9, 2.3)))
        rubric = rubrics[ev.rubric]
        answers = _answers(rng, ev.rubric, quality, industry)
        result = score(rubric, answers)
        grade = result.grade
        source = _weighted(rng, (("scan", 0.78), ("card", 0.08), ("manual", 0.14)))
        email = _email(rng, first_latin, last_latin, domain) if rng.random() < 0.96 else None
        phone = _phone(rng, country) if (rng.random() < 0.7 or email is None) else None
        fields: dict[str, Any] = {
            "event_id": event_ids[ev.key], "first_name": first, "last_name": last,
            "company": company, "title": title, "country": country, "source": source,
            "answers": answers, **result.lead_fields(rubric),
            "captured_at": _iso(captured),
        }
        if email:
            fields["email"] = email
        if phone:
            fields["phone"] = phone
        if source == "scan":
            badge_no += rng.randrange(1, 40)
            badge_id = f"{ev.campaign_code}-{badge_no}"
            fields["badge_id"] = badge_id
            fields["badge_raw"] = _vcard(first, last, company, title, email, phone, country,
                                         badge_id)
        consent = rng.random() < 0.87
        fields["consent_contact"] = consent
        if consent:
            fields["consent_text_version"] = CONSENT_TEXT_VERSION
            fields["consent_at"] = _iso(captured + dt.timedelta(seconds=rng.randrange(20, 90)))
        wanted = grade == "hot" or (grade == "warm" and rng.random() < 0.5)
        fields["follow_up"] = consent and wanted  # only with consent (fieldnote.leads)
        fields["interests"] = _interests(rng, answers)
        if rng.random() < 0.3:
            fields["notes"] = rng.choice(_NOTES)
        if rng.random() < 0.15:
            fields["collateral_ids"] = rng.sample(visible[owner], rng.randint(1, 2))
        out.append(_Lead("", owner, ev, event_ids[ev.key], fields, captured, grade, company,
                         f"{first} {last}", title, country))
    out.sort(key=lambda lead: lead.captured)
    return out


def _vcard(first: str, last: str, company: str, title: str, email: str | None,
           phone: str | None, country: str, badge_id: str) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{last};{first};;;", f"FN:{first} {last}",
             f"ORG:{company}", f"TITLE:{title}"]
    if email:
        lines.append(f"EMAIL;TYPE=WORK:{email}")
    if phone:
        lines.append(f"TEL;TYPE=WORK:{phone}")
    lines += [f"ADR;TYPE=WORK:;;;;;;{country}", f"NOTE:Badge {badge_id}", "END:VCARD"]
    return "\r\n".join(lines)


def _answers(rng: random.Random, rubric: str, quality: float, industry: str) -> dict[str, Any]:
    def pick(options: Sequence[str]) -> str:
        # Better leads lean towards the first (best) options.
        idx = min(len(options) - 1, int((1 - quality) * len(options) * rng.uniform(0.6, 1.3)))
        return options[idx]

    if rubric == "iot":
        connectivity = [c for c in ("lorawan", "wifi", "cellular") if rng.random() < 0.5]
        answers: dict[str, Any] = {
            "use_case": pick(("predictive_maintenance", "energy", "quality", "exploring")),
            "sites": max(1, int(rng.lognormvariate(0.8 + 1.5 * quality, 0.8))),
            "timeframe": pick(("0-3m", "3-6m", "6-12m", "unknown")),
            "connectivity": connectivity or ["wired"],
            "budget": rng.random() < quality * 0.9,
        }
        if rng.random() < 0.4:
            answers["machines"] = rng.choice((
                "Compressors in the cold store", "Conveyor gearboxes on line 2",
                "Extruder motors", "Cooling tower fans", "Bottling line pumps",
                "Kiln induced-draft fans",
            ))
        return answers
    weights = {"real_time_data": 0.5, "governed_metrics": 0.5,
               "predictive_maintenance": 0.55 if industry in ("manufacturing", "utilities")
               else 0.1,
               "compliance": 0.5 if industry in ("healthcare", "finance", "insurance",
                                                 "pharma") else 0.08}
    need = [n for n, w in weights.items() if rng.random() < w * (0.5 + quality)]
    answers = {
        "budget": pick(("confirmed", "planned", "unknown", "none")),
        "authority": pick(("decision_maker", "influencer", "user", "other")),
        "need": need or ["just_looking"],
        "timeframe": pick(("0-3m", "3-6m", "6-12m", "12m+", "unknown")),
        "employees": max(5, int(rng.lognormvariate(5.0 + 2.5 * quality, 1.1))),
        "interest": pick(("high", "medium", "low")),
        "demo_requested": rng.random() < quality * 1.1,
    }
    # Reps skip a question now and then when the booth is busy.
    for optional in ("employees", "interest"):
        if rng.random() < 0.08:
            del answers[optional]
    if rng.random() < 0.5:
        answers["asked_about"] = rng.choice((
            "Oracle CDC connector and latency", "Migrating off SSIS and SSRS",
            "Semantic layer on top of Snowflake", "HIPAA BAA and audit logs",
            "EU data residency (Frankfurt)", "Pricing per row vs. consumption credits",
            "Natural-language questions for finance", "Replacing a home-grown Kafka stack",
            "Edge Sensors for chillers", "SSO with Okta, SCIM",
        ))
    return answers


_NEED_INTERESTS = {"real_time_data": "Pipeline", "governed_metrics": "Insight Cloud",
                   "predictive_maintenance": "Edge Sensors", "compliance": "security"}


def _interests(rng: random.Random, answers: Mapping[str, Any]) -> list[str]:
    out = [_NEED_INTERESTS[n] for n in answers.get("need", []) if n in _NEED_INTERESTS]
    if "use_case" in answers:
        out.append("Edge Sensors")
        if answers["use_case"] != "exploring":
            out.append(answers["use_case"].replace("_", " "))
    if rng.random() < 0.4:
        extra = rng.choice(_INTEREST_EXTRAS)
        if extra not in out:
            out.append(extra)
    return out


# Chance of reaching the next stage, by grade: contacted, meeting, opportunity, won.
_ADVANCE = {
    "hot": (0.84, 0.56, 0.68, 0.55),
    "warm": (0.5, 0.33, 0.5, 0.45),
    "cold": (0.2, 0.1, 0.3, 0.3),
}
# Days from the previous step to each stage.
_DELAY = {"contacted": (1, 5), "meeting": (3, 14), "opportunity": (5, 20), "won": (10, 35)}


def _funnel(rng: random.Random, lead: _Lead, add: Any) -> None:
    at = lead.captured
    chances = _ADVANCE[lead.grade]
    amount = float(rng.choice((18, 24, 36, 48, 64, 78, 96, 120, 150, 180, 240)) * 1000)
    for stage, chance in zip(("contacted", "meeting", "opportunity", "won"), chances,
                             strict=True):
        low, high = _DELAY[stage]
        next_at = _business_time(rng, at + dt.timedelta(days=rng.randint(low, high)))
        if next_at > DATA_ENDS:
            return
        if rng.random() >= chance:
            _drop_out(rng, lead, stage, next_at, add)
            return
        at = next_at
        fields: dict[str, Any] = {"lead_id": lead.record_id, "status": stage, "at": _iso(at)}
        if stage in ("opportunity", "won"):
            fields["amount"] = amount
        if stage == "meeting":
            fields["note"] = rng.choice((
                "Discovery call booked with the data team.", "Demo scheduled with IT and "
                "finance.", "Intro call done; they want a technical deep dive.",
                "Meeting at their office next week.",
            ))
        if stage == "won":
            fields["note"] = rng.choice(("Signed a one-year agreement.", "Three-year deal, "
                                         "signed after security review.", "Pilot converted "
                                         "to an annual subscription."))
        add("lead_outcome", at, fields, lead.owner)
        lead.stages.append((stage, at))


def _drop_out(rng: random.Random, lead: _Lead, stage: str, at: dt.datetime, add: Any) -> None:
    """A lead that did not reach `stage`: sometimes closed with a reason, often just quiet."""
    if stage == "contacted":
        if lead.grade == "cold" and rng.random() < 0.15:
            add("lead_outcome", at, {"lead_id": lead.record_id, "status": "disqualified",
                                     "reason": rng.choice(REASONS["disqualified"]),
                                     "at": _iso(at)}, lead.owner)
            lead.stages.append(("disqualified", at))
        return
    roll = rng.random()
    if stage == "meeting" and roll < 0.25:
        status, reason = "disqualified", rng.choice(REASONS["disqualified"])
    elif roll < (0.3 if stage == "meeting" else 0.55):
        status, reason = "lost", rng.choice(REASONS["lost"])
    else:
        return
    fields = {"lead_id": lead.record_id, "status": status, "reason": reason, "at": _iso(at)}
    add("lead_outcome", at, fields, lead.owner)
    lead.stages.append((status, at))


def _business_time(rng: random.Random, at: dt.datetime) -> dt.datetime:
    day = at.date()
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, rng.randint(13, 21), rng.randrange(60),
                       tzinfo=dt.UTC)


# ---------------------------------------------------------------------------------------------
# Debriefs, comments, collateral usage and feedback, requests

_PAIN = (
    "Dashboards refresh overnight; operations decide on yesterday's numbers.",
    "Three BI tools with conflicting revenue numbers; finance does not trust any of them.",
    "Connector maintenance eats two engineers' time every sprint.",
    "Unplanned downtime on the packaging line, two bearing failures this quarter.",
    "PHI ends up in spreadsheets; compliance wants it stopped.",
    "Snowflake credits for continuous loading went over budget twice this year.",
)
_NEXT = (
    "Send the trust pack and schedule the security review.",
    "Set up a 30-day proof of value with two connectors.",
    "Pricing proposal for Business edition by Friday.",
    "Workshop with their data team on the semantic layer.",
    "Site visit to scope an Edge Sensors pilot on line 3.",
    "Executive briefing with the CFO and CDO.",
    "Reference call with a Mercy Valley Health analyst.",
)
_RENEWALS = (
    ("Halvorsen Logistics ASA", "Kristian Berg (VP Data)"),
    ("Kestrel Automotive Components", "Michael Davis (Plant Manager)"),
    ("Brightwater Health Partners", "Nicole Washington (Director of Clinical Analytics)"),
    ("Banco Atlântico", "João Silva (Head of Data Platform)"),
    ("Meridian Federal Credit Union", "Sarah Coleman (CIO)"),
    ("Rheinwerk Maschinenbau GmbH", "Jürgen Weber (Head of Maintenance)"),
)


@dataclass
class _Debrief:
    record_id: str
    owner: str
    call: dt.datetime
    submitted: bool
    lead: _Lead | None


def _debriefs(rng: random.Random, leads: Sequence[_Lead],
              collateral: Mapping[str, tuple[str, CollateralSpec]],
              visible: Mapping[str, list[str]], add: Any) -> list[_Debrief]:
    target = min(60, max(6, len(leads) // 10))
    met = [lead for lead in leads if any(s == "meeting" for s, _ in lead.stages)]
    chosen = rng.sample(met, min(len(met), target - len(_RENEWALS)))
    calls: list[tuple[dt.datetime, str, _Lead | None, str, str]] = []
    for met_lead in chosen:
        # The debrief is of the latest call: the meeting, or a later step of the deal.
        last_at = [at for s, at in met_lead.stages
                   if s in ("meeting", "opportunity", "won", "lost")]
        calls.append((last_at[-1], met_lead.owner, met_lead, met_lead.company,
                      f"{met_lead.contact} ({met_lead.title})"))
    for i, (account, contacts) in enumerate(_RENEWALS):
        call = _business_time(rng, _at(ANCHOR - dt.timedelta(days=30 - 9 * i)))
        calls.append((call, REPS[i % 3], None, account, contacts))
    calls.sort(key=lambda c: c[0])
    battlecard = collateral["battlecard-snowflake-databricks"][0]
    out: list[_Debrief] = []
    for n, (call, owner, lead, account, contacts) in enumerate(calls):
        reached = [s for s, _ in lead.stages] if lead else []
        if lead is None:
            call_type, stage = "renewal", "negotiate"
            outcome = rng.choice(("advanced", "won", "stalled"))
        elif reached[-1] == "won":
            call_type, stage, outcome = "negotiation", "closed", "won"
        elif reached[-1] == "lost":
            call_type, stage, outcome = "negotiation", "closed", "lost"
        elif reached[-1] == "opportunity":
            call_type, stage, outcome = "demo", "propose", "advanced"
        else:
            call_type, stage = "discovery", "qualify"
            outcome = rng.choice(("advanced", "stalled", "no_decision"))
        competitors = rng.sample(COMPETITORS, rng.choice((0, 1, 1, 2)))
        objections = rng.sample(OBJECTIONS, rng.choice((1, 1, 2, 3)))
        if "Snowflake" in competitors and "Already using Snowflake" not in objections:
            objections.append("Already using Snowflake")
        used = rng.sample(visible[owner], rng.choice((0, 1, 1, 2, 3)))
        if competitors and battlecard not in used:
            used.append(battlecard)
        why_buy = rng.sample(REASONS["why_buy"], rng.randint(1, 3))
        why_not = rng.sample(REASONS["why_not"], rng.randint(0, 2))
        # The last few calls are still being written up.
        submitted = n < len(calls) - 4 or rng.random() < 0.3
        fields: dict[str, Any] = {
            "account": account, "contacts": contacts, "call_date": call.date().isoformat(),
            "call_type": call_type, "stage": stage, "outcome": outcome,
            "why_buy": why_buy, "why_not": why_not,
            "reasons_buy": f"{why_buy[0]}. " + rng.choice((
                "They liked seeing their own data in the demo.",
                "The Mercy Valley story resonated with their CIO.",
                "Real-time is a board-level topic for them this year.",
                "Their analysts are drowning in reconciliation work.")),
            "reasons_not": (f"{why_not[0]}. " if why_not else "") + rng.choice((
                "Procurement wants three quotes.", "Security team is backlogged until "
                "January.", "They worry about the migration effort.", "Budget is owned by "
                "a different VP.")),
            "pain_points": rng.choice(_PAIN),
            "objections": objections, "competitors": competitors,
            "collateral_used": [{"collateral_id": cid, "helpful": rng.random() < 0.75}
                                for cid in used],
            "next_steps": rng.choice(_NEXT),
            "follow_up_on": (call.date() + dt.timedelta(days=rng.randint(5, 21))).isoformat(),
            "status": "submitted" if submitted else "draft",
        }
        if lead is not None:
            fields["lead_id"] = lead.record_id
        if rng.random() < 0.35:
            fields["notes"] = rng.choice((
                "Champion is strong but new in the role.", "Ask marketing for a German version "
                "of the sell sheet.", "They asked about SAP connector roadmap.",
                "Procurement uses Coupa; allow three weeks.",
                "Competitor offered 40% discount in the first year."))
        record_id = add("debrief", call + dt.timedelta(hours=2), fields, owner)
        out.append(_Debrief(record_id, owner, call, submitted, lead))
    return out


_COMMENTS = (
    "Great detail on the Snowflake objection. We are adding a TCO angle to the battlecard.",
    "Thanks! Can you tell me which slide of the executive briefing landed best?",
    "Third debrief this month mentioning the security review. Trust pack v2 is coming.",
    "Looping in product about the SAP connector question.",
    "Nice win. Could this account be a reference for the healthcare case study series?",
    "Noted the price objection; the 2027 price list has new discount levels for this size.",
    "We have a Databricks comparison in the battlecard now, page 1.",
    "Would a German-language sell sheet have helped here? It is on the request list.",
    "Good catch on the competitor discount. Please flag it to the deal desk too.",
    "Adding this to the win/loss review on Friday.",
)


def _comments(rng: random.Random, debriefs: Sequence[_Debrief], add: Any) -> None:
    submitted = [d for d in debriefs if d.submitted]
    for d in rng.sample(submitted, min(len(submitted), max(2, len(debriefs) // 3))):
        at = _business_time(rng, d.call + dt.timedelta(days=rng.randint(1, 4)))
        if at > DATA_ENDS:
            continue
        add("debrief_comment", at, {"debrief_id": d.record_id, "body": rng.choice(_COMMENTS),
                                    "created_at": _iso(at)}, MARKETER)


def _usage(rng: random.Random, leads: Sequence[_Lead], debriefs: Sequence[_Debrief],
           visible: Mapping[str, list[str]], add: Any) -> None:
    count = min(40, max(6, len(leads) // 15))
    start = _at(ANCHOR - dt.timedelta(days=55))
    span = int((DATA_ENDS - start).total_seconds())
    rows = []
    for _ in range(count):
        rep = _weighted(rng, ((REP, 0.55), (REP2, 0.25), (REP3, 0.2)))
        at = start + dt.timedelta(seconds=rng.randrange(span))
        action = _weighted(rng, (("opened", 0.5), ("shared", 0.3), ("presented", 0.2)))
        fields: dict[str, Any] = {"collateral_id": rng.choice(visible[rep]), "action": action,
                                  "at": _iso(at)}
        own_leads = [lead for lead in leads if lead.owner == rep and lead.captured < at]
        if action != "opened" and own_leads and rng.random() < 0.6:
            fields["lead_id"] = rng.choice(own_leads[-50:]).record_id
        own_debriefs = [d for d in debriefs if d.owner == rep and d.call < at]
        if action == "presented" and own_debriefs and rng.random() < 0.5:
            fields["debrief_id"] = rng.choice(own_debriefs).record_id
        rows.append((at, fields, rep))
    for at, fields, rep in sorted(rows, key=lambda r: r[0]):
        add("collateral_usage", at, fields, rep)


_FEEDBACK: dict[str, tuple[tuple[int, str], ...]] = {
    "battlecard-snowflake-databricks": (
        (5, "The objection table saved my demo when they brought up Snowflake."),
        (5, "Landmine questions are gold."), (4, "Needs a Power BI section.")),
    "case-study-mercy-valley-health": (
        (5, "Healthcare prospects ask for this by name."),
        (4, "Great story; a shorter one-page version would help at the booth.")),
    "pipeline-sell-sheet": ((4, "Clear. The latency chart is what people look at."),
                            (3, "Would like the connector list as an appendix.")),
    "insight-cloud-sell-sheet": ((4, "Editions table answers most pricing questions."),
                                 (5, "HIPAA and residency on one page, exactly right.")),
    "edge-sensors-sell-sheet": ((4, "Plant managers liked the spec table."),
                                (3, "Needs a photo of the sensor mounted on a motor.")),
    "price-list-2027": ((4, "Discount levels are much clearer than last year."),),
    "northwind-platform-brochure": ((3, "A bit long for the booth; people take it and leave."),
                                    (4, "Good overview for first meetings.")),
    "insight-cloud-executive-briefing": ((4, "The CFO liked the proof slide."),
                                         (2, "Slide 2 chart is too busy for a projector.")),
    "edge-sensors-west-pilot": ((5, "Fixed price makes the pilot an easy yes."),),
}


def _feedback(rng: random.Random, collateral: Mapping[str, tuple[str, CollateralSpec]],
              visible: Mapping[str, list[str]], add: Any) -> None:
    start = _at(ANCHOR - dt.timedelta(days=40))
    rows = []
    for stem, notes in _FEEDBACK.items():
        cid, spec = collateral[stem]
        reps = [r for r in REPS if cid in visible[r]]
        for rep in reps:
            for rating, comment in notes:
                if rng.random() < 0.3:
                    continue
                at = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 55))
                at = max(at, _at(spec.published_on + dt.timedelta(days=2)))
                fields: dict[str, Any] = {"collateral_id": cid, "rating": rating}
                if rng.random() < 0.8:
                    fields["comment"] = comment
                rows.append((at, fields, rep))
                break  # one rating per rep and document
    for at, fields, rep in sorted(rows, key=lambda r: r[0]):
        add("collateral_feedback", at, fields, rep)


def _requests(event_ids: Mapping[str, str],
              collateral: Mapping[str, tuple[str, CollateralSpec]], add: Any) -> None:
    requests: Iterable[tuple[int, str, dict[str, Any]]] = (
        (40, REP, {"title": "German-language Pipeline sell sheet",
                   "need": "Works councils and plant managers in Munich asked for German. "
                           "Same content as the English sell sheet.",
                   "kind": "sell_sheet", "needed_by": "2026-10-01",
                   "event_id": event_ids["muc"], "status": "declined",
                   "response": "Not in time for Munich, sorry. We will translate the new "
                               "2027 sell sheets instead."}),
        (28, REP3, {"title": "Databricks section in the battlecard",
                    "need": "Two deals this month where Databricks was the incumbent.",
                    "kind": "other", "needed_by": "2026-10-15", "status": "delivered",
                    "response": "Added to the battlecard, page 1 and the objection table.",
                    "collateral_id": collateral["battlecard-snowflake-databricks"][0]}),
        (14, REP2, {"title": "Food & beverage case study for Edge Sensors",
                    "need": "West region plants want a reference in their own industry, "
                            "ideally dairy or bottling.",
                    "kind": "case_study", "needed_by": "2026-12-15", "status": "accepted",
                    "response": "Interviewing Summit Ridge Foods next week; draft by "
                                "mid-December."}),
        (6, REP, {"title": "Snowflake TCO worksheet",
                  "need": "Spreadsheet comparing Snowflake credits for continuous loading "
                          "with Pipeline's per-row price, to leave with the customer.",
                  "kind": "other", "needed_by": "2026-11-30", "status": "open"}),
        (-3, REP3, {"title": "HIPAA one-pager for HealthData Forum",
                    "need": "Booth handout: BAA, audit logging, PHI masking, in plain "
                            "language for clinical buyers.",
                    "kind": "sell_sheet", "needed_by": "2027-01-15",
                    "event_id": event_ids["orl"], "status": "open"}),
    )
    for days_before, rep, fields in requests:
        add("collateral_request", _at(ANCHOR - dt.timedelta(days=days_before), 16), fields, rep)
