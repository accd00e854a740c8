"""The network: regional platforms, organisations, who holds which role, who joined where,
and the contact requests that reach the right people."""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar, Self

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sterk.core.fields import SingleLineCharField
from sterk.core.models import TimeStampedModel


def normalise_name(name: str) -> str:
    """A comparison key for organisation names: no accents, case, punctuation or legal form,
    so that "CAW Antwerpen vzw" and "caw antwerpen" are seen as one organisation."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [w for w in text.split() if w not in {"vzw", "asbl", "vof", "bv", "nv", "cv", "the"}]
    return " ".join(words)


class Region(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("regional platform")
        verbose_name_plural = _("regional platforms")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:region_detail", kwargs={"slug": self.slug})


class SubRegion(models.Model):
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="subregions"
    )
    slug = models.SlugField(_("slug"))
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="subregion_unique_slug")
        ]
        verbose_name = _("sub-region")
        verbose_name_plural = _("sub-regions")

    def __str__(self) -> str:
        return self.name


class RegionPriority(models.Model):
    """A focus a regional platform chose, e.g. Antwerpen's "Werken in vertrouwen"."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="priorities"
    )
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("regional priority")
        verbose_name_plural = _("regional priorities")

    def __str__(self) -> str:
        return self.title


class OrganisationType(models.TextChoices):
    UNIVERSITY_COLLEGE = "university_college", _("University college")
    SUPPORT_CENTRE = "support_centre", _("Support centre")
    LOCAL_GOVERNMENT = "local_government", _("OCMW / local government")
    CAW = "caw", _("CAW (centre for general welfare work)")
    ASSOCIATION = "association", _("Association")
    CIVIC_INITIATIVE = "civic_initiative", _("Civic initiative")
    MEDIA_PARTNER = "media_partner", _("Media partner")
    GOVERNMENT = "government", _("Government")
    OTHER = "other", _("Other")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def approved(self) -> Self:
        return self.filter(is_approved=True)

    def stakeholders(self) -> Self:
        return self.approved().filter(is_stakeholder=True)


OrganisationManager = models.Manager.from_queryset(OrganisationQuerySet)


class Organisation(TimeStampedModel):
    name = SingleLineCharField(_("name"), max_length=200)
    normalised_name = models.CharField(max_length=200, unique=True, editable=False)
    type = models.CharField(
        _("type"), max_length=30, choices=OrganisationType.choices, default=OrganisationType.OTHER
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    is_stakeholder = models.BooleanField(_("stakeholder (partner organisation)"), default=False)
    # A member may propose an organisation that is not listed yet; a coordinator approves it.
    is_approved = models.BooleanField(_("approved"), default=True)
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), blank=True, related_name="organisations"
    )
    themes = models.CharField(
        _("themes"), max_length=255, blank=True, help_text=_("What the organisation works on.")
    )

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[OrganisationManager[Organisation]] = OrganisationManager()
    _default_manager: ClassVar[OrganisationManager[Organisation]]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.normalised_name = normalise_name(self.name)
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None):  # type: ignore[no-untyped-def]
        from django.core.exceptions import ValidationError

        super().validate_unique(exclude)
        key = normalise_name(self.name or "")
        clash = Organisation.objects.filter(normalised_name=key).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {"name": _("This organisation already exists as “%(name)s”.") % {"name": clash}}
            )


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    STEERING = "steering", _("Steering group member")
    CHAIR = "chair", _("Regional chair")
    STAKEHOLDER = "stakeholder", _("Stakeholder representative")


class RoleAssignment(TimeStampedModel):
    """A role someone holds, scoped to a region (chair) or an organisation (stakeholder)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    capacity = models.CharField(
        pgettext_lazy("role assignment", "capacity"),
        max_length=200,
        blank=True,
        help_text=_("Shown publicly, e.g. “on behalf of the university colleges”."),
    )

    class Meta:
        ordering = ["role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "region", "organisation"],
                name="roleassignment_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                name="roleassignment_chair_has_region",
                condition=~Q(role="chair") | Q(region__isnull=False),
            ),
            models.CheckConstraint(
                name="roleassignment_stakeholder_has_organisation",
                condition=~Q(role="stakeholder") | Q(organisation__isnull=False),
            ),
        ]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")

    def __str__(self) -> str:
        scope = self.region or self.organisation
        return f"{self.user} – {self.get_role_display()}" + (f" ({scope})" if scope else "")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.role == Role.CHAIR and not self.region_id:
            raise ValidationError({"region": _("A regional chair needs a region.")})
        if self.role == Role.STAKEHOLDER and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("A stakeholder representative needs an organisation.")}
            )


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_list(self) -> Self:
        return self.select_related("user", "user__organisation", "subregion")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="memberships"
    )
    subregion = models.ForeignKey(
        SubRegion,
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-joined_at"]
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="membership_unique")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.region}"


class ContactTopic(models.TextChoices):
    JOIN = "join", _("I want to join or take an active role")
    STAKEHOLDER_MEETING = "stakeholder_meeting", _("I want to take part in the stakeholder meeting")
    PRESENTATION = "presentation", _("Present the platform at our consultation (e.g. an ELZ)")
    PRACTICE = "practice", _("I want to share a practice")
    QUESTION = "question", _("A question")
    OTHER = "other", _("Something else")


class ContactStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ContactRequestQuerySet(models.QuerySet["ContactRequest"]):
    def open(self) -> Self:
        return self.exclude(status=ContactStatus.DONE)

    def status_counts(self) -> dict[str, int]:
        rows = self.values("status").annotate(n=Count("id"))
        return {row["status"]: row["n"] for row in rows}


# The consent the contact form asks for (shown there and recorded with the request).
CONTACT_CONSENT_TEXT = _(
    "I agree that the platform stores my message and contact details to answer this request."
)


class ContactRequest(TimeStampedModel):
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=30, choices=ContactTopic.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
        help_text=_("Leave empty for the platform as a whole."),
    )
    message = models.TextField(_("message"))
    consent = models.BooleanField(_("consent"), default=False)
    language = models.CharField(max_length=5, default="nl")
    status = models.CharField(
        _("status"), max_length=20, choices=ContactStatus.choices, default=ContactStatus.NEW
    )
    note = models.TextField(_("internal note"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self) -> str:
        return f"{self.name} – {self.get_topic_display()}"
