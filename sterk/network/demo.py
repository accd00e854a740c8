"""DEMO DATA for `manage.py load_demo`. Invented, for development and demonstrations only:
NEVER load this into a production database.

Everything built here is fiction and marked as such: every person has an e-mail address at
@demo.sterksociaalwerk.be, every organisation's name ends in " (demo)", and all demo people
share one well-known password. Only the real regions and partner organisations (from
`manage.py load_content`) are used as they are.

The data (`content/demo/network/`) is a pure function of a fixed seed and our own name lists (not Faker, whose output
changes between versions), so every run plans exactly the same people; what already exists is
left alone, so a second run creates nothing. Writes go through the network services
(`organisation_create`, `role_assign`, `membership_join`, `contact_request_submit`,
`contact_request_update`) so the demo passes the same validation as real data.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation

from sterk.core import content
from sterk.core.models import OutboundEmail, OutboxStatus
from sterk.network.types import OrganisationData

from . import services
from .models import (
    ContactRequest,
    ContactStatus,
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


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", ascii_text)


# --- the demo data (content/demo/network/) ---------------------------------------------


@functools.cache
def source() -> dict[str, Any]:
    """The demo data files: organisations, name lists, jobs, steering capacities, the fixed
    people (a login per role) and the contact requests."""
    organisations = content.demo_item("network/organisations")
    members = content.demo_item("network/members")
    return {
        "colleges": organisations["colleges"],
        "practice_organisations": {
            region: [(row["name"], row["type"]) for row in rows]
            for region, rows in organisations["practice"].items()
        },
        "platform_organisations": [(row["name"], row["type"]) for row in organisations["platform"]],
        "description": organisations["description"],
        "themes": organisations["themes"],
        "first_names": members["first_names"],
        "last_names": members["last_names"],
        "jobs": {
            kind: [(row["title"], row["sector"]) for row in rows]
            for kind, rows in members["jobs"].items()
        },
        "region_weights": members["region_weights"],
        "seed": members["seed"],
        "count": members["count"],
        "capacities": content.demo_item("network/steering-capacities"),
        "people": [entry.data for entry in content.demo_items("network/people")],
        "contact_requests": [
            entry.data for entry in content.demo_items("network/contact-requests")
        ],
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
    capacity: str = ""  # a key of content/demo/network/steering-capacities.yaml
    label: str = ""  # how the logins table names the role

    @property
    def email(self) -> str:
        return demo_email(self.local)


def _demo(name: str) -> str:
    return f"{name}{DEMO_SUFFIX}"


def fixed_people() -> list[PersonSpec]:
    """The logins per role, then the other chairs and steering group members."""
    return [
        PersonSpec(**{**data, "memberships": [tuple(m) for m in data.get("memberships", [])]})
        for data in source()["people"]
    ]


def member_people(taken: set[str]) -> list[PersonSpec]:
    """About sixty members spread over the regions and sub-regions, from a fixed seed."""
    data = source()
    rng = random.Random(data["seed"])  # noqa: S311 - demo data
    subregions = {
        r.data["slug"]: [s["slug"] for s in r.data["subregions"]]
        for r in content.items("network/regions")
    }
    slugs = list(data["region_weights"])
    weights = [data["region_weights"][s] for s in slugs]
    people: list[PersonSpec] = []
    used_names: set[tuple[str, str]] = set()
    while len(people) < data["count"]:
        first, last = rng.choice(data["first_names"]), rng.choice(data["last_names"])
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
            organisation, kind = (
                _demo(data["colleges"][region]),
                OrganisationType.UNIVERSITY_COLLEGE,
            )
        elif roll < 0.85:
            name, kind = rng.choice(data["practice_organisations"][region])
            organisation = _demo(name)
        else:
            organisation, kind = "", ""
        job_title, sector = rng.choice(data["jobs"][kind])
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


def contact_requests() -> list[ContactSpec]:
    return [ContactSpec(**data) for data in source()["contact_requests"]]


# --- building ---------------------------------------------------------------------------


@dataclass
class DemoResult:
    logins: list[tuple[str, str]]  # (e-mail, role label) of every role holder and `lid`
    stats: Counter[str]


def _ensure_content() -> None:
    wanted = {r.data["slug"] for r in content.items("network/regions")}
    have = set(Region.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if have != wanted or not Organisation.objects.filter(normalised_name="socius").exists():
        call_command("load_content", verbosity=0)


def _organisations(stats: Counter[str]) -> dict[str, Organisation]:
    """The demo organisations, created when missing; returns every organisation by name."""
    regions = {r.slug: r for r in Region.objects.all()}
    data = source()
    wanted: list[tuple[str, str, list[str]]] = []
    for slug, name in data["colleges"].items():
        wanted.append((_demo(name), OrganisationType.UNIVERSITY_COLLEGE, [slug]))
    for slug, rows in data["practice_organisations"].items():
        wanted.extend((_demo(name), kind, [slug]) for name, kind in rows)
    wanted.extend((_demo(name), kind, []) for name, kind in data["platform_organisations"])

    by_key = {o.normalised_name: o for o in Organisation.objects.all()}
    for name, kind, region_slugs in wanted:
        if normalise_name(name) in by_key:
            continue
        themes = data["themes"][kind]
        values: dict[str, Any] = {
            "name": name,
            "type": kind,
            "is_stakeholder": False,
            "regions": [regions[s] for s in region_slugs],
            **{f"description_{lang}": data["description"][lang] for lang in content.LANGUAGES},
            **{f"themes_{lang}": themes[lang] for lang in content.LANGUAGES},
        }
        organisation = services.organisation_create(actor=None, data=cast(OrganisationData, values))
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
        capacity = source()["capacities"][spec.capacity] if spec.capacity else None
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
    for spec in contact_requests():
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
