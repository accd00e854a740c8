"""The network's governance: the stakeholders' communication channels (the rest of the
stakeholder register is derived: representatives from the role assignments, commitments
from the action plan and the calls), the meetings of the stakeholders and the steering
group with their invitees, attendance, minutes, decisions and follow-up points, and the
record of the dialogue with policy makers."""

from __future__ import annotations

from typing import Self

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import SaneDateField, SaneDateTimeField, SingleLineCharField
from sterk.core.models import TimeStampedModel
from sterk.core.validators import validate_upload_size

# --- the stakeholder register ----------------------------------------------------------


class ChannelKind(models.TextChoices):
    NEWSLETTER = "newsletter", _("Newsletter")
    WEBSITE = "website", _("Website")
    SOCIAL = "social", _("Social media")
    MAGAZINE = "magazine", _("Magazine")
    NETWORK = "network", _("Network or consultation")
    OTHER = "other", _("Other")


class Channel(models.Model):
    """A way a partner organisation spreads the network's news, with its reach, e.g.
    "newsletter, 4,000 professionals"."""

    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="communication_channels",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ChannelKind.choices, default=ChannelKind.NEWSLETTER
    )
    title = SingleLineCharField(_("title"), max_length=200, help_text=_("e.g. “Nieuwsbrief”."))
    reach = models.PositiveIntegerField(
        _("reach"), null=True, blank=True, help_text=_("How many people it reaches.")
    )
    audience = models.CharField(
        _("audience"), max_length=200, blank=True, help_text=_("e.g. “professionals”.")
    )
    url = models.URLField(_("web address"), blank=True)

    class Meta:
        ordering = ["organisation__name", "-reach", "id"]
        verbose_name = _("communication channel")
        verbose_name_plural = _("communication channels")

    def __str__(self) -> str:
        return self.title


# --- meetings --------------------------------------------------------------------------


class MeetingKind(models.TextChoices):
    STAKEHOLDER = "stakeholder", _("Stakeholder meeting")
    STEERING = "steering", _("Steering group meeting")


class Body(models.Model):
    """A governance body of the platform (content/governance/bodies/): the steering group,
    the stakeholder meeting; what it does and how often it meets."""

    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    meetings_per_year = models.PositiveSmallIntegerField(
        _("meetings a year (at least)"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")

    def __str__(self) -> str:
        return self.title


class MinutesStatus(models.TextChoices):
    NONE = "none", _("No minutes yet")
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def published(self) -> Self:
        return self.filter(
            kind=MeetingKind.STAKEHOLDER,
            minutes_status=MinutesStatus.APPROVED,
            minutes_published=True,
        )


class Meeting(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = SingleLineCharField(_("title"), max_length=200)
    starts_at = SaneDateTimeField(_("starts"), db_index=True)
    ends_at = SaneDateTimeField(_("ends"))
    location = models.CharField(_("location"), max_length=300, blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event in the agenda"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="governance_meetings",
    )
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown."))
    minutes_status = models.CharField(
        _("minutes"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    # The meeting at which these minutes were approved (the next one).
    minutes_approved_in = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
    )
    minutes_published = models.BooleanField(_("minutes published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    minutes_sent_at = models.DateTimeField(_("minutes sent"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="governance_meeting_ends_after_start",
                condition=Q(ends_at__gte=models.F("starts_at")),
            ),
            models.CheckConstraint(
                name="governance_meeting_published_minutes_are_approved",
                condition=Q(minutes_published=False)
                | Q(minutes_status="approved", kind="stakeholder"),
            ),
        ]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_minutes", kwargs={"pk": self.pk})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end comes after the start.")})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    """Who is invited to a meeting (a stakeholder representative, a steering-group member)
    and whether they attended."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="governance_invitations",
    )
    # The organisation the person represents at this meeting (kept when the role ends).
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="governance_invitations",
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="governance_invitation_unique")
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class Decision(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions"
    )
    text = models.TextField(_("decision"), max_length=2000)

    class Meta:
        ordering = ["id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class FollowUp(TimeStampedModel):
    """A follow-up point agreed at a meeting; it comes back on the agenda of every next
    meeting of the same kind until it is done (or dropped)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    title = SingleLineCharField(_("what"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="governance_follow_ups",
    )
    due_on = SaneDateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    closed_in = models.ForeignKey(
        Meeting,
        verbose_name=_("closed at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="closed_follow_ups",
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up point")
        verbose_name_plural = _("follow-up points")

    def __str__(self) -> str:
        return self.title


# --- the dialogue with policy ----------------------------------------------------------


class PolicyContactKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    LETTER = "letter", _("Letter")
    CONSULTATION = "consultation", _("Consultation response")
    HEARING = "hearing", _("Hearing")


class PolicyContact(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=PolicyContactKind.choices)
    slug = models.SlugField(_("slug"), max_length=90, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    date = SaneDateField(_("date"))
    policy_makers = models.CharField(
        _("with"), max_length=300, help_text=_("Who: the minister, cabinet, committee, ...")
    )
    challenges = models.ManyToManyField(
        "actionplan.Challenge", verbose_name=_("challenges"), blank=True, related_name="+"
    )
    actions = models.ManyToManyField(
        "actionplan.Action", verbose_name=_("actions"), blank=True, related_name="+"
    )
    findings = models.ManyToManyField(
        "surveys.Finding",
        verbose_name=_("survey findings"),
        blank=True,
        related_name="+",
        help_text=_("What professionals said in a survey whose follow-up page is published."),
    )
    asked = models.TextField(_("what the network asked"), help_text=_("Markdown."))
    answer = models.TextField(_("what came back"), blank=True, help_text=_("Markdown."))
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("policy contact")
        verbose_name_plural = _("policy contacts")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:policy_detail", kwargs={"slug": self.slug})


DOCUMENT_EXTENSIONS = ["pdf", "odt", "docx", "doc", "ods", "xlsx", "txt"]


class PolicyDocument(models.Model):
    record = models.ForeignKey(
        PolicyContact,
        verbose_name=_("policy contact"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = SingleLineCharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="governance/policy/%Y/",
        validators=[validate_upload_size, FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title
