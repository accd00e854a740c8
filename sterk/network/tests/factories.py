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
