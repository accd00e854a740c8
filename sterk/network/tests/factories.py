"""Factories for the network (and the users it needs). Shared by every app's tests."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model

from sterk.network.models import (
    ContactRequest,
    ContactStatus,
    ContactTopic,
    Membership,
    Organisation,
    OrganisationType,
    Region,
    RegionPriority,
    Role,
    RoleAssignment,
    SubRegion,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    is_active = True
    password = factory.django.Password("correct horse battery staple")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"regio-{n}")
    name_nl = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    order = factory.Sequence(lambda n: n)


class SubRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubRegion

    region = factory.SubFactory(RegionFactory)
    slug = factory.Sequence(lambda n: f"subregio-{n}")
    name_nl = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class RegionPriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionPriority

    region = factory.SubFactory(RegionFactory)
    title_nl = factory.Sequence(lambda n: f"Prioriteit {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    type = OrganisationType.ASSOCIATION
    is_approved = True

    @factory.post_generation
    def regions(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.regions.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    """Defaults to a chair of a new region; pass role=... (and region/organisation) for others."""

    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.CHAIR
    region = factory.Maybe(
        factory.LazyAttribute(lambda o: o.role == Role.CHAIR),
        yes_declaration=factory.SubFactory(RegionFactory),
        no_declaration=None,
    )
    organisation = factory.Maybe(
        factory.LazyAttribute(lambda o: o.role == Role.STAKEHOLDER),
        yes_declaration=factory.SubFactory(OrganisationFactory, is_stakeholder=True),
        no_declaration=None,
    )


class ContactRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRequest

    name = factory.Faker("name", locale="nl_BE")
    email = factory.Sequence(lambda n: f"sender{n}@example.org")
    topic = ContactTopic.QUESTION
    region = factory.SubFactory(RegionFactory)
    message = "Ik heb een vraag over het platform."
    consent = True
    status = ContactStatus.NEW


def give_totp(user: Any) -> Any:
    """Give a user a TOTP authenticator, so they pass the managers' MFA requirement."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        return existing
    return TOTP.activate(user, generate_totp_secret()).instance


# The roles every permission test speaks of, in one order (the permission matrix's columns).
ROLES = (
    "anonymous",
    "member",
    "chair",  # chair of the object's region
    "other_chair",  # chair of another region
    "stakeholder",  # representative of the object's organisation
    "other_stakeholder",  # representative of another organisation
    "steering",
    "coordinator",
)


def people_of_every_role(
    *, region: Any, other_region: Any, organisation: Any, other_organisation: Any
) -> dict[str, Any]:
    """One person per role in ROLES (an AnonymousUser for "anonymous"); everyone who needs
    two-factor authentication in the management area has TOTP set up."""
    from django.contrib.auth.models import AnonymousUser

    member = UserFactory()
    MembershipFactory(user=member, region=region)
    people = {
        "anonymous": AnonymousUser(),
        "member": member,
        "chair": RoleAssignmentFactory(role=Role.CHAIR, region=region).user,
        "other_chair": RoleAssignmentFactory(role=Role.CHAIR, region=other_region).user,
        "stakeholder": RoleAssignmentFactory(role=Role.STAKEHOLDER, organisation=organisation).user,
        "other_stakeholder": RoleAssignmentFactory(
            role=Role.STAKEHOLDER, organisation=other_organisation
        ).user,
        "steering": RoleAssignmentFactory(role=Role.STEERING).user,
        "coordinator": RoleAssignmentFactory(role=Role.COORDINATOR).user,
    }
    for key in ("chair", "other_chair", "stakeholder", "other_stakeholder", "coordinator"):
        give_totp(people[key])
    return people


def scoping_mismatches(
    perm: str, scoped: Any, people: dict[str, Any], objects: dict[str, Any]
) -> list[str]:
    """Where `user.has_perm(perm, obj)` and `obj in scoped(user)` disagree, for every person
    and object: the rule (rules.py) and its queryset (a selector) must tell the same story."""
    mismatches = []
    for who, user in people.items():
        in_scope = set(scoped(user).values_list("pk", flat=True))
        for what, obj in objects.items():
            allowed = user.has_perm(perm, obj)
            if allowed != (obj.pk in in_scope):
                mismatches.append(
                    f"{who} / {what}: has_perm({perm!r}) is {allowed}, "
                    f"{scoped.__name__}() {'includes' if obj.pk in in_scope else 'omits'} it"
                )
    return mismatches
