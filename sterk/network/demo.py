"""DEMO DATA for `manage.py load_demo`. Invented, for development and demonstrations only:
NEVER load this into a production database.

Everything built here is fiction and marked as such: every person has an e-mail address at
@demo.sterksociaalwerk.be, every organisation's name ends in " (demo)", and all demo people
share one well-known password. Only the real regions and partner organisations (from
`manage.py load_content`) are used as they are.

The data is a pure function of a fixed seed and our own name lists (not Faker, whose output
changes between versions), so every run plans exactly the same people; what already exists is
left alone, so a second run creates nothing. Writes go through the network services
(`organisation_create`, `role_assign`, `membership_join`, `contact_request_submit`,
`contact_request_update`) so the demo passes the same validation as real data.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation

from sterk.accounts.models import Sector
from sterk.core.models import OutboundEmail, OutboxStatus
from sterk.identity import content

from . import services
from .models import (
    ContactRequest,
    ContactStatus,
    ContactTopic,
    Membership,
    Organisation,
    OrganisationType,
    Region,
    Role,
    RoleAssignment,
    normalise_name,
)

DEMO_DOMAIN = "demo.sterksociaalwerk.be"
DEMO_PASSWORD = "demo-sterk-2026"  # noqa: S105 - a published demo password, by design
DEMO_SUFFIX = " (demo)"
SEED = 2026
MEMBER_COUNT = 60


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", ascii_text)


# --- organisations ----------------------------------------------------------------------

# One demo university college per region: the chairs come from the university colleges.
COLLEGES = {
    "antwerpen": "Hogeschool Demo Antwerpen",
    "limburg": "Hogeschool Demo Hasselt",
    "oost-vlaanderen": "Hogeschool Demo Gent",
    "west-vlaanderen": "Hogeschool Demo Kortrijk",
    "vlaams-brabant": "Hogeschool Demo Leuven",
    "brussel": "Hogeschool Demo Brussel",
}

PRACTICE_ORGANISATIONS: dict[str, list[tuple[str, str]]] = {
    "antwerpen": [
        ("CAW Demo Antwerpen", OrganisationType.CAW),
        ("OCMW Demo Mechelen", OrganisationType.LOCAL_GOVERNMENT),
        ("Buurtwerk De Brug", OrganisationType.ASSOCIATION),
        ("Jongerenwerking Demo Kempen", OrganisationType.ASSOCIATION),
    ],
    "limburg": [
        ("CAW Demo Limburg", OrganisationType.CAW),
        ("Sociaal Huis Demo Genk", OrganisationType.LOCAL_GOVERNMENT),
        ("Burgerinitiatief Samen Sterk Hasselt", OrganisationType.CIVIC_INITIATIVE),
    ],
    "oost-vlaanderen": [
        ("CAW Demo Oost-Vlaanderen", OrganisationType.CAW),
        ("OCMW Demo Aalst", OrganisationType.LOCAL_GOVERNMENT),
        ("Buurtcentrum De Meander", OrganisationType.ASSOCIATION),
    ],
    "west-vlaanderen": [
        ("CAW Demo West-Vlaanderen", OrganisationType.CAW),
        ("OCMW Demo Roeselare", OrganisationType.LOCAL_GOVERNMENT),
        ("Welzijnsschakel Demo Brugge", OrganisationType.CIVIC_INITIATIVE),
    ],
    "vlaams-brabant": [
        ("CAW Demo Vlaams-Brabant", OrganisationType.CAW),
        ("Sociaal Huis Demo Vilvoorde", OrganisationType.LOCAL_GOVERNMENT),
        ("Jeugdhulp Demo Hageland", OrganisationType.ASSOCIATION),
    ],
    "brussel": [
        ("CAW Demo Brussel", OrganisationType.CAW),
        ("OCMW Demo Brussel", OrganisationType.LOCAL_GOVERNMENT),
        ("Buurthuis Demo Kanaalzone", OrganisationType.ASSOCIATION),
    ],
}

# Organisations of the coordinator and of the steering group member for the government.
PLATFORM_ORGANISATIONS = [
    ("Steunpunt Demo", OrganisationType.SUPPORT_CENTRE),
    ("Departement Demo", OrganisationType.GOVERNMENT),
]

ORGANISATION_DESCRIPTION = content.t(
    "Fictieve organisatie voor de demo van het platform. Deze organisatie bestaat niet.",
    "Organisation fictive pour la démonstration de la plateforme. Elle n’existe pas.",
    "Fictitious organisation for the platform demo. This organisation does not exist.",
)
ORGANISATION_THEMES: dict[str, content.Text] = {
    OrganisationType.UNIVERSITY_COLLEGE: content.t(
        "opleiding sociaal werk, praktijkonderzoek",
        "formation en travail social, recherche appliquée",
        "social work education, practice research",
    ),
    OrganisationType.CAW: content.t(
        "algemeen welzijnswerk, thuisloosheid, schulden",
        "aide sociale générale, sans-abrisme, dettes",
        "general welfare work, homelessness, debt",
    ),
    OrganisationType.LOCAL_GOVERNMENT: content.t(
        "leefloon, onderbescherming, eerste lijn",
        "revenu d’intégration, sous-protection, première ligne",
        "social integration income, under-protection, first line",
    ),
    OrganisationType.ASSOCIATION: content.t(
        "buurtwerk, jongeren, ontmoeting",
        "travail de quartier, jeunes, rencontre",
        "neighbourhood work, young people, encounter",
    ),
    OrganisationType.CIVIC_INITIATIVE: content.t(
        "vrijwilligers, armoede, solidariteit",
        "bénévoles, pauvreté, solidarité",
        "volunteers, poverty, solidarity",
    ),
    OrganisationType.SUPPORT_CENTRE: content.t(
        "procesbegeleiding, sociaal werk",
        "accompagnement de processus, travail social",
        "process support, social work",
    ),
    OrganisationType.GOVERNMENT: content.t(
        "welzijnsbeleid",
        "politique du bien-être",
        "welfare policy",
    ),
}


# --- people -----------------------------------------------------------------------------

FIRST_NAMES = [
    "An", "Annelies", "Arne", "Bart", "Bram", "Dirk", "Eline", "Elke", "Els", "Eva",
    "Femke", "Fien", "Geert", "Griet", "Hanne", "Hilde", "Ilse", "Jan", "Jana", "Jens",
    "Joke", "Jolien", "Karen", "Katrien", "Kobe", "Koen", "Lien", "Lies", "Lore", "Lotte",
    "Marieke", "Mathias", "Nele", "Nina", "Pieter", "Ruben", "Saar", "Sander", "Seppe",
    "Sofie", "Stijn", "Thomas", "Tine", "Tom", "Veerle", "Ward", "Wout", "Yana",
    "Aïcha", "Ayoub", "Elif", "Emre", "Fatima", "Imane", "Kofi", "Mohamed", "Nadia",
    "Samira", "Yasmina", "Youssef", "Julie", "Marie", "Julien", "Chloé",
]  # fmt: skip
LAST_NAMES = [
    "Aerts", "Bogaerts", "Claes", "Claessens", "Cools", "Coppens", "De Backer", "De Clercq",
    "De Smet", "De Vos", "Desmet", "Goossens", "Hermans", "Jacobs", "Janssens", "Lambrechts",
    "Maes", "Martens", "Mertens", "Michiels", "Pauwels", "Peeters", "Segers", "Smets",
    "Van Damme", "Van den Broeck", "Van Hove", "Vandenberghe", "Verbruggen", "Verhoeven",
    "Vermeulen", "Verstraete", "Willems", "Wouters", "Vanhoutte", "Dewulf", "Vandecasteele",
    "Lenaerts", "Vanderheyden", "Stevens", "El Amrani", "Benali", "Yilmaz", "Demir",
    "Mbuyi", "Dubois", "Lambert", "Ouali",
]  # fmt: skip

# (job title nl, sector) by the type of organisation someone works for ("" for people
# whose organisation is not in the demo list).
JOBS: dict[str, list[tuple[str, str]]] = {
    OrganisationType.CAW: [
        ("maatschappelijk werker", Sector.WELFARE),
        ("straathoekwerker", Sector.WELFARE),
        ("onthaalmedewerker", Sector.WELFARE),
        ("medewerker woonbegeleiding", Sector.HOUSING),
        ("jeugdhulpverlener JAC", Sector.YOUTH),
        ("teamcoach", Sector.WELFARE),
    ],
    OrganisationType.LOCAL_GOVERNMENT: [
        ("maatschappelijk assistent", Sector.LOCAL_GOVERNMENT),
        ("teamcoach sociale dienst", Sector.LOCAL_GOVERNMENT),
        ("trajectbegeleider activering", Sector.EMPLOYMENT),
        ("medewerker sociaal wonen", Sector.HOUSING),
    ],
    OrganisationType.ASSOCIATION: [
        ("buurtwerker", Sector.SOCIO_CULTURAL),
        ("opbouwwerker", Sector.SOCIO_CULTURAL),
        ("jongerenwerker", Sector.YOUTH),
        ("contextbegeleider", Sector.YOUTH),
        ("ervaringsdeskundige in armoede", Sector.WELFARE),
    ],
    OrganisationType.CIVIC_INITIATIVE: [
        ("coördinator vrijwilligers", Sector.OTHER),
        ("ervaringsdeskundige in armoede", Sector.WELFARE),
        ("opbouwwerker", Sector.SOCIO_CULTURAL),
    ],
    OrganisationType.UNIVERSITY_COLLEGE: [
        ("docent sociaal werk", Sector.EDUCATION),
        ("praktijkonderzoeker", Sector.EDUCATION),
    ],
    "": [
        ("zorgcoördinator eerstelijnszone", Sector.HEALTH),
        ("justitieassistent", Sector.JUSTICE),
        ("sociaal werker", Sector.WELFARE),
        ("trajectbegeleider", Sector.EMPLOYMENT),
    ],
}

REGION_WEIGHTS = {
    "antwerpen": 14,
    "limburg": 8,
    "oost-vlaanderen": 12,
    "west-vlaanderen": 10,
    "vlaams-brabant": 10,
    "brussel": 8,
}

STEERING_CAPACITY = {
    "werkveld": content.t(
        "namens het werkveld", "au nom du terrain", "on behalf of the field of practice"
    ),
    "onderwijs": content.t(
        "namens het onderwijs (de hogescholen)",
        "au nom de l’enseignement (les hautes écoles)",
        "on behalf of education (the university colleges)",
    ),
    "overheid": content.t(
        "namens de Vlaamse overheid",
        "au nom du gouvernement flamand",
        "on behalf of the Flemish government",
    ),
}


@dataclass
class PersonSpec:
    local: str  # the part of the e-mail address before @
    first_name: str
    last_name: str
    organisation: str = ""  # a name: a demo organisation (without suffix) or a real one
    job_title: str = ""
    sector: str = ""
    language: str = "nl"
    wants_active_role: bool = False
    leads_local_consultation: bool = False
    directory_visible: bool = False
    days_ago: int = 365
    # (region slug, sub-region slug or "")
    memberships: list[tuple[str, str]] = field(default_factory=list)
    role: str = ""
    role_region: str = ""
    role_organisation: str = ""
    capacity: str = ""  # a key of STEERING_CAPACITY
    label: str = ""  # how the logins table names the role

    @property
    def email(self) -> str:
        return demo_email(self.local)


def _demo(name: str) -> str:
    return f"{name}{DEMO_SUFFIX}"


def fixed_people() -> list[PersonSpec]:
    """The logins per role, then the other chairs and steering group members."""
    college = {slug: _demo(name) for slug, name in COLLEGES.items()}
    people = [
        PersonSpec(
            "coordinator", "Liesbeth", "Van Acker", _demo("Steunpunt Demo"),
            "coördinator procesbegeleiding", Sector.OTHER, days_ago=700,
            role=Role.COORDINATOR, label="coordinator",
        ),
        PersonSpec(
            "voorzitter.antwerpen", "Katrien", "Peeters", college["antwerpen"],
            "docent sociaal werk", Sector.EDUCATION, days_ago=650,
            memberships=[("antwerpen", "antwerpen-stad")],
            role=Role.CHAIR, role_region="antwerpen", label="chair (Antwerpen)",
        ),
        PersonSpec(
            "voorzitter.limburg", "Jo", "Vanderhoven", college["limburg"],
            "lector sociaal werk", Sector.EDUCATION, days_ago=640,
            memberships=[("limburg", "")],
            role=Role.CHAIR, role_region="limburg", label="chair (Limburg)",
        ),
        PersonSpec(
            "stuurgroep", "Marc", "Verbeke", _demo("CAW Demo West-Vlaanderen"),
            "directeur", Sector.WELFARE, days_ago=690,
            role=Role.STEERING, capacity="werkveld", label="steering group member",
        ),
        PersonSpec(
            "stakeholder", "Eva", "Claeys", "Socius",
            "stafmedewerker politiserend werken", Sector.SOCIO_CULTURAL, days_ago=500,
            role=Role.STAKEHOLDER, role_organisation="Socius",
            label="stakeholder representative (Socius)",
        ),
        PersonSpec(
            "lid", "Lotte", "Maes", _demo("CAW Demo Antwerpen"),
            "maatschappelijk werker", Sector.WELFARE, days_ago=120,
            wants_active_role=True, directory_visible=True,
            memberships=[("antwerpen", "antwerpen-stad"), ("limburg", "")],
            label="member (Antwerpen, Limburg)",
        ),
        # Every region has at least one chair; Brussel has two.
        PersonSpec(
            "voorzitter.oost-vlaanderen", "Pieter", "De Vos", college["oost-vlaanderen"],
            "docent sociaal werk", Sector.EDUCATION, days_ago=630,
            memberships=[("oost-vlaanderen", "")],
            role=Role.CHAIR, role_region="oost-vlaanderen", label="chair (Oost-Vlaanderen)",
        ),
        PersonSpec(
            "voorzitter.west-vlaanderen", "Hilde", "Vandamme", college["west-vlaanderen"],
            "lector en praktijkonderzoeker", Sector.EDUCATION, days_ago=620,
            memberships=[("west-vlaanderen", "")],
            role=Role.CHAIR, role_region="west-vlaanderen", label="chair (West-Vlaanderen)",
        ),
        PersonSpec(
            "voorzitter.vlaams-brabant", "Bram", "Goossens", college["vlaams-brabant"],
            "docent sociaal werk", Sector.EDUCATION, days_ago=610,
            memberships=[("vlaams-brabant", "leuven")],
            role=Role.CHAIR, role_region="vlaams-brabant", label="chair (Vlaams-Brabant)",
        ),
        PersonSpec(
            "voorzitter.brussel", "Nadia", "El Khattabi", college["brussel"],
            "docent sociaal werk", Sector.EDUCATION, days_ago=600,
            memberships=[("brussel", "")],
            role=Role.CHAIR, role_region="brussel", label="chair (Brussel)",
        ),
        PersonSpec(
            "covoorzitter.brussel", "Julie", "Lambert", college["brussel"],
            "praktijkonderzoeker", Sector.EDUCATION, language="fr", days_ago=400,
            memberships=[("brussel", "")],
            role=Role.CHAIR, role_region="brussel", label="chair (Brussel)",
        ),
        # The rest of the steering group: field, education, government.
        PersonSpec(
            "ann.wouters", "Ann", "Wouters", _demo("OCMW Demo Aalst"),
            "diensthoofd sociale dienst", Sector.LOCAL_GOVERNMENT, days_ago=680,
            role=Role.STEERING, capacity="werkveld", label="steering group member",
        ),
        PersonSpec(
            "youssef.benali", "Youssef", "Benali", _demo("Buurthuis Demo Kanaalzone"),
            "coördinator", Sector.SOCIO_CULTURAL, days_ago=560,
            role=Role.STEERING, capacity="werkveld", label="steering group member",
        ),
        PersonSpec(
            "dirk.hermans", "Dirk", "Hermans", college["oost-vlaanderen"],
            "opleidingshoofd sociaal werk", Sector.EDUCATION, days_ago=670,
            role=Role.STEERING, capacity="onderwijs", label="steering group member",
        ),
        PersonSpec(
            "greet.aerts", "Greet", "Aerts", _demo("Departement Demo"),
            "beleidsmedewerker welzijn", Sector.OTHER, days_ago=660,
            role=Role.STEERING, capacity="overheid", label="steering group member",
        ),
    ]  # fmt: skip
    return people


def member_people(taken: set[str]) -> list[PersonSpec]:
    """About sixty members spread over the regions and sub-regions, from a fixed seed."""
    rng = random.Random(SEED)
    subregions = {r["slug"]: [s["slug"] for s in r["subregions"]] for r in content.REGIONS}
    slugs = list(REGION_WEIGHTS)
    weights = [REGION_WEIGHTS[s] for s in slugs]
    people: list[PersonSpec] = []
    used_names: set[tuple[str, str]] = set()
    while len(people) < MEMBER_COUNT:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if (first, last) in used_names:
            continue
        used_names.add((first, last))
        base = f"{_slug(first)}.{_slug(last)}"
        local, n = base, 2
        while local in taken:
            local, n = f"{base}{n}", n + 1
        taken.add(local)

        region = rng.choices(slugs, weights)[0]
        subregion = rng.choice(subregions[region]) if subregions[region] else ""
        if subregion and rng.random() < 0.15:
            subregion = ""  # not everyone picks a sub-region
        memberships = [(region, subregion)]
        if rng.random() < 0.12:
            other = rng.choice([s for s in slugs if s != region])
            memberships.append((other, ""))

        roll = rng.random()
        kind: str
        if roll < 0.1:
            organisation, kind = _demo(COLLEGES[region]), OrganisationType.UNIVERSITY_COLLEGE
        elif roll < 0.85:
            name, kind = rng.choice(PRACTICE_ORGANISATIONS[region])
            organisation = _demo(name)
        else:
            organisation, kind = "", ""
        job_title, sector = rng.choice(JOBS[kind])
        language = "fr" if region == "brussel" and rng.random() < 0.35 else "nl"
        people.append(
            PersonSpec(
                local,
                first,
                last,
                organisation,
                job_title,
                sector,
                language=language,
                wants_active_role=rng.random() < 0.3,
                leads_local_consultation=rng.random() < 0.12,
                directory_visible=rng.random() < 0.55,
                days_ago=rng.randint(7, 540),
                memberships=memberships,
            )
        )
    return people


# --- contact requests -------------------------------------------------------------------


@dataclass
class ContactSpec:
    name: str
    local: str
    topic: str
    region: str  # "" for the platform as a whole
    message: str
    status: str = ContactStatus.NEW
    note: str = ""
    organisation: str = ""
    language: str = "nl"
    days_ago: int = 3

    @property
    def email(self) -> str:
        return demo_email(self.local)


CONTACT_REQUESTS = [
    ContactSpec(
        "Sien Dierckx", "sien.dierckx", ContactTopic.JOIN, "antwerpen",
        "Ik werk als straathoekwerker in Antwerpen-Noord en wil graag actief meewerken aan "
        "de prioriteit 'Minder bureaucratie, meer hulpverlening'. Hoe kan ik aansluiten?",
        organisation=_demo("CAW Demo Antwerpen"), days_ago=2,
    ),
    ContactSpec(
        "Koen Vanhecke", "koen.vanhecke", ContactTopic.PRESENTATION, "vlaams-brabant",
        "Wij zijn de eerstelijnszone Demo-Noordrand. Kunnen jullie het regionale platform "
        "komen voorstellen op ons overleg in het najaar?",
        status=ContactStatus.IN_PROGRESS,
        note="Twee data voorgesteld voor het overleg van de zorgraad.",
        organisation=_demo("Eerstelijnszone Demo-Noordrand"), days_ago=12,
    ),
    ContactSpec(
        "Mieke Van Loo", "mieke.vanloo", ContactTopic.STAKEHOLDER_MEETING, "",
        "Onze organisatie werkt rond armoede en onderbescherming. We nemen graag deel aan de "
        "volgende stakeholdersmeeting.",
        organisation=_demo("Armoedenetwerk Demo"), days_ago=5,
    ),
    ContactSpec(
        "Jonas De Wilde", "jonas.dewilde", ContactTopic.PRACTICE, "oost-vlaanderen",
        "We hebben een buurtproject rond digitale inclusie dat we graag tonen op een "
        "volgende praktijksafari.",
        status=ContactStatus.DONE,
        note="Opgenomen in de planning van de volgende praktijksafari.",
        organisation=_demo("Buurtcentrum De Meander"), days_ago=30,
    ),
    ContactSpec(
        "Sophie Lejeune", "sophie.lejeune", ContactTopic.QUESTION, "brussel",
        "Bonjour, je travaille dans un CPAS bruxellois. La plateforme BXL est-elle ouverte "
        "aux professionnels francophones ?",
        status=ContactStatus.IN_PROGRESS,
        note="Antwoord in het Frans gestuurd; uitgenodigd voor de volgende bijeenkomst.",
        organisation=_demo("OCMW Demo Brussel"), language="fr", days_ago=8,
    ),
    ContactSpec(
        "Rik Vanderlinden", "rik.vanderlinden", ContactTopic.JOIN, "limburg",
        "Ik ben maatschappelijk werker bij een Limburgs OCMW en wil mee nadenken over "
        "onderbescherming.",
        organisation=_demo("Sociaal Huis Demo Genk"), days_ago=1,
    ),
    ContactSpec(
        "Charlotte Debaene", "charlotte.debaene", ContactTopic.JOIN, "west-vlaanderen",
        "Ik vulde de bevraging in en werk graag mee aan een van de 40 actiepunten.",
        status=ContactStatus.DONE,
        note="Toegevoegd aan de werkgroep rond actiepunt 12.",
        organisation=_demo("Welzijnsschakel Demo Brugge"), days_ago=45,
    ),
    ContactSpec(
        "Emma Visser", "emma.visser", ContactTopic.OTHER, "",
        "I teach social work in the Netherlands and am preparing a study visit to Flanders. "
        "Could we meet someone from the platform?",
        organisation=_demo("Hogeschool Demo Utrecht"), language="en", days_ago=4,
    ),
    ContactSpec(
        "Wim Boonen", "wim.boonen", ContactTopic.QUESTION, "antwerpen",
        "Wanneer is de volgende bijeenkomst van het regionale platform in Antwerpen?",
        status=ContactStatus.DONE, note="Datum en uitnodiging doorgestuurd.", days_ago=20,
    ),
    ContactSpec(
        "Leen Geerts", "leen.geerts", ContactTopic.PRESENTATION, "limburg",
        "Kunnen jullie Sterk Sociaal Werk voorstellen op het teamoverleg van onze sociale "
        "dienst?",
        status=ContactStatus.IN_PROGRESS, note="Contact opgenomen met de teamcoach.",
        organisation=_demo("Sociaal Huis Demo Genk"), days_ago=9,
    ),
    ContactSpec(
        "Tim Verlinden", "tim.verlinden", ContactTopic.PRACTICE, "",
        "We hebben een politiserend praktijkverhaal uit de jeugdhulp voor de oproep van "
        "Socius. Mogen we het insturen?",
        organisation=_demo("Jeugdhulp Demo Hageland"), days_ago=6,
    ),
]  # fmt: skip


# --- building ---------------------------------------------------------------------------


@dataclass
class DemoResult:
    logins: list[tuple[str, str]]  # (e-mail, role label) of every role holder and `lid`
    stats: Counter[str]


def _ensure_content() -> None:
    wanted = {r["slug"] for r in content.REGIONS}
    have = set(Region.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if have != wanted or not Organisation.objects.filter(normalised_name="socius").exists():
        from sterk.identity.management.commands.load_content import load_content

        load_content(overwrite=False)


def _organisations(stats: Counter[str]) -> dict[str, Organisation]:
    """The demo organisations, created when missing; returns every organisation by name."""
    regions = {r.slug: r for r in Region.objects.all()}
    wanted: list[tuple[str, str, list[str]]] = []
    for slug, name in COLLEGES.items():
        wanted.append((_demo(name), OrganisationType.UNIVERSITY_COLLEGE, [slug]))
    for slug, rows in PRACTICE_ORGANISATIONS.items():
        wanted.extend((_demo(name), kind, [slug]) for name, kind in rows)
    wanted.extend((_demo(name), kind, []) for name, kind in PLATFORM_ORGANISATIONS)

    by_key = {o.normalised_name: o for o in Organisation.objects.all()}
    for name, kind, region_slugs in wanted:
        if normalise_name(name) in by_key:
            continue
        themes = ORGANISATION_THEMES[kind]
        data: dict[str, Any] = {
            "name": name,
            "type": kind,
            "is_stakeholder": False,
            "regions": [regions[s] for s in region_slugs],
            **{f"description_{lang}": ORGANISATION_DESCRIPTION[lang] for lang in content.LANGUAGES},
            **{f"themes_{lang}": themes[lang] for lang in content.LANGUAGES},
        }
        organisation = services.organisation_create(actor=None, data=data)
        by_key[organisation.normalised_name] = organisation
        stats["organisations"] += 1
    return {o.name: o for o in by_key.values()}


def _people(
    specs: list[PersonSpec], organisations: dict[str, Organisation], stats: Counter[str]
) -> dict[str, Any]:
    """Create the people who do not exist yet (with a verified e-mail address and their
    memberships); returns every demo person by e-mail address."""
    from allauth.account.models import EmailAddress

    User = get_user_model()
    existing = {u.email: u for u in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")}
    regions = {r.slug: r for r in Region.objects.prefetch_related("subregions")}
    subregions = {(r.slug, s.slug): s for r in regions.values() for s in r.subregions.all()}
    now = timezone.now()
    password_hash = ""
    for spec in specs:
        if spec.email in existing:
            continue
        if not password_hash:
            # Hashing is slow by design; one hash serves every demo person.
            password_hash = make_password(DEMO_PASSWORD)
        joined = now - timedelta(days=spec.days_ago, hours=spec.days_ago % 9)
        user = User(
            email=spec.email,
            first_name=spec.first_name,
            last_name=spec.last_name,
            organisation=organisations.get(spec.organisation),
            job_title=spec.job_title,
            sector=spec.sector,
            language=spec.language,
            wants_active_role=spec.wants_active_role,
            leads_local_consultation=spec.leads_local_consultation,
            directory_visible=spec.directory_visible,
            password=password_hash,
            date_joined=joined,
        )
        user.full_clean()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        for region_slug, subregion_slug in spec.memberships:
            membership = services.membership_join(
                user=user,
                region=regions[region_slug],
                subregion=subregions.get((region_slug, subregion_slug)),
            )
            # Spread the join dates over the past months (aware datetimes, never naive).
            Membership.objects.filter(pk=membership.pk).update(joined_at=joined)
            stats["memberships"] += 1
        existing[user.email] = user
        stats["people"] += 1
    return existing


def _roles(
    specs: list[PersonSpec],
    people: dict[str, Any],
    organisations: dict[str, Organisation],
    stats: Counter[str],
) -> None:
    regions = {r.slug: r for r in Region.objects.all()}
    for spec in specs:
        if not spec.role:
            continue
        user = people[spec.email]
        region = regions.get(spec.role_region)
        organisation = organisations.get(spec.role_organisation)
        if RoleAssignment.objects.filter(
            user=user, role=spec.role, region=region, organisation=organisation
        ).exists():
            continue
        capacity = STEERING_CAPACITY[spec.capacity] if spec.capacity else None
        assignment = services.role_assign(
            actor=None,
            user=user,
            role=spec.role,
            region=region,
            organisation=organisation,
            capacity=capacity["nl"] if capacity else "",
        )
        if capacity:
            RoleAssignment.objects.filter(pk=assignment.pk).update(
                capacity_fr=capacity["fr"], capacity_en=capacity["en"]
            )
        stats["roles"] += 1


def _contact_requests(people: dict[str, Any], stats: Counter[str]) -> None:
    regions = {r.slug: r for r in Region.objects.all()}
    chairs = {
        a.region.slug: a.user
        for a in RoleAssignment.objects.filter(
            role=Role.CHAIR, user__email__endswith=f"@{DEMO_DOMAIN}"
        ).select_related("region", "user")
        if a.region is not None
    }
    coordinator = people.get(demo_email("coordinator"))
    now = timezone.now()
    for spec in CONTACT_REQUESTS:
        if ContactRequest.objects.filter(email=spec.email, topic=spec.topic).exists():
            continue
        region = regions.get(spec.region)
        request = services.contact_request_submit(
            name=spec.name,
            email=spec.email,
            topic=spec.topic,
            message=spec.message,
            consent=True,
            region=region,
            organisation_name=spec.organisation,
            language=spec.language,
        )
        # Demo data never mails anyone: its notifications are recorded as not to be sent.
        OutboundEmail.objects.filter(
            key__startswith=f"contact:{request.pk}:", sent_at__isnull=True
        ).update(status=OutboxStatus.SENT, sent_at=now, last_error="Demo data: not sent.")
        if spec.status != ContactStatus.NEW:
            handler = chairs.get(spec.region) or coordinator
            services.contact_request_update(
                actor=handler, contact_request=request, status=spec.status, note=spec.note
            )
        ContactRequest.objects.filter(pk=request.pk).update(
            created_at=now - timedelta(days=spec.days_ago, hours=3)
        )
        stats["contact requests"] += 1


@transaction.atomic
def build_demo() -> DemoResult:
    """Create whatever demo data is missing. Returns the logins and what was created."""
    stats: Counter[str] = Counter()
    # The untranslated columns of translated fields follow the active language: Dutch.
    with translation.override("nl"):
        _ensure_content()
        organisations = _organisations(stats)
        fixed = fixed_people()
        members = member_people({p.local for p in fixed})
        people = _people(fixed + members, organisations, stats)
        _roles(fixed, people, organisations, stats)
        _contact_requests(people, stats)
    logins = [(p.email, p.label) for p in fixed if p.label]
    return DemoResult(logins=logins, stats=stats)
