"""Events: gatherings, webinars, praktijksafari's, conferences, campaign days and the
network's own meetings, with registration that never oversells.

- An `Event` belongs to a region (its chairs manage it), to the platform or to a partner
  organisation (coordinators manage those). It may be part of a `Series` (a campaign such
  as World Social Work Day, grouping events across regions) and may have `Session`s (the
  programme of a conference) with their own capacity.
- A `Registration` is one person (a member, or a visitor known by name and e-mail) at one
  event: unique per event and e-mail address. Its status says where it stands; the
  services change it inside a transaction that first locks the event row, so that the
  number of taken seats (confirmed + offered) never exceeds the capacity.
- The app's e-mails go through core's outbox (`sterk.core.outbox`); `events.mail`
  registers their renderers, which build the .ics attachment when the mail is sent."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import SaneDateTimeField, SingleLineCharField, sane_datetime_check
from sterk.core.models import TimeStampedModel
from sterk.core.prefetch import shown
from sterk.core.roles import roles_of


class EventType(models.TextChoices):
    GATHERING = "gathering", _("Regional gathering")
    WEBINAR = "webinar", _("Webinar")
    PRAKTIJKSAFARI = "praktijksafari", _("Practice safari")
    CONFERENCE = "conference", _("Conference")
    CAMPAIGN_DAY = "campaign_day", _("Campaign day")
    STAKEHOLDER_MEETING = "stakeholder_meeting", _("Stakeholder meeting")
    STEERING_MEETING = "steering_meeting", _("Steering group meeting")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (on site and online)")


class Organiser(models.TextChoices):
    REGION = "region", _("A regional platform")
    PLATFORM = "platform", _("The platform")
    PARTNER = "partner", _("A partner organisation")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("All social professionals")
    MANAGERS = "managers", _("Managers and boards")
    STUDENTS = "students", _("Students and lecturers")
    POLICY = "policy", _("Policy makers")
    PARTNERS = "partners", _("Partner organisations")
    NETWORK = "network", _("The network's own bodies")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members (signed in)")
    ROLES = "roles", _("Invited roles only")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Registered")
    OFFERED = "offered", _("Seat offered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses that hold a seat: a seat offered from the waiting list is held until it expires.
SEAT_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)
ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.OFFERED,
    RegistrationStatus.WAITING,
)
INVITABLE_ROLES = ("coordinator", "steering", "chair", "stakeholder")


class Series(TimeStampedModel):
    """A campaign or programme grouping events, e.g. World Social Work Day 2021."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:series_detail", kwargs={"slug": self.slug})


def _seats_taken_subquery() -> Any:
    taken = (
        Registration.objects.filter(event=OuterRef("pk"), status__in=SEAT_STATUSES)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(taken, output_field=IntegerField()), 0)


def _waiting_subquery() -> Any:
    waiting = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.WAITING)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(waiting, output_field=IntegerField()), 0)


class EventQuerySet(models.QuerySet["Event"]):
    def listed(self) -> Self:
        """Published, cancelled (still shown, struck through) and held events."""
        return self.exclude(status=EventStatus.DRAFT)

    def upcoming(self, now: datetime.datetime | None = None) -> Self:
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now: datetime.datetime | None = None) -> Self:
        return self.filter(ends_at__lt=now or timezone.now())

    def visible_to(self, user: Any) -> Self:
        """Listed events this person may see: public ones; members' events when signed in;
        invited-role events for holders of one of those roles; a chair's own regions' events.
        The rule twin is `events.view_listed_event` (a test checks that they agree)."""

        if user is None or not getattr(user, "is_authenticated", False):
            return self.listed().filter(visibility=Visibility.PUBLIC)
        roles = roles_of(user)
        if roles.coordinator:
            return self.listed()
        held = [
            name
            for name, has in (
                ("coordinator", roles.coordinator),
                ("steering", roles.steering),
                ("chair", bool(roles.chair_region_ids)),
                ("stakeholder", bool(roles.stakeholder_organisation_ids)),
            )
            if has
        ]
        condition = Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
        for name in held:
            condition |= Q(visibility=Visibility.ROLES, invited_roles__icontains=f'"{name}"')
        if roles.chair_region_ids:
            condition |= Q(region_id__in=roles.chair_region_ids)
        return self.listed().filter(condition)

    def with_counts(self) -> Self:
        return self.annotate(seats_taken=_seats_taken_subquery(), waiting_count=_waiting_subquery())

    def for_list(self) -> Self:
        """Everything an agenda row shows, in a fixed number of queries."""
        return (
            self.select_related("region", "subregion", "organisation", "series")
            .prefetch_related(*shown(self.model, "krachtlijnen"))
            .with_counts()
        )


EventManager = models.Manager.from_queryset(EventQuerySet)


class Event(TimeStampedModel):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    type = models.CharField(
        _("type"), max_length=30, choices=EventType.choices, default=EventType.GATHERING
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series or campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser = models.CharField(
        _("organiser"), max_length=20, choices=Organiser.choices, default=Organiser.REGION
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    subregion = models.ForeignKey(
        "network.SubRegion",
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.ON_SITE
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed registrants, and sent to them by e-mail."),
    )
    starts_at = SaneDateTimeField(_("starts"), db_index=True)
    ends_at = SaneDateTimeField(_("ends"), db_index=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    audience_note = models.CharField(
        _("audience, in words"),
        max_length=255,
        blank=True,
        help_text=_("For example “managers, directors and board members”."),
    )
    price = models.DecimalField(
        _("price (EUR)"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 means free."),
    )
    registration_required = models.BooleanField(_("registration"), default=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = SaneDateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Empty: as soon as the event is published."),
    )
    registration_closes_at = SaneDateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: until the event starts."),
    )
    waitlist_enabled = models.BooleanField(_("waiting list when full"), default=True)
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed seat"),
        default=0,
        help_text=_(
            "0: a freed seat goes straight to the next person on the waiting list. "
            "More: the seat is offered to them for this many hours."
        ),
    )
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    invited_roles = models.JSONField(_("invited roles"), default=list, blank=True)
    krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn", verbose_name=_("core principles"), blank=True, related_name="events"
    )
    challenges = models.ManyToManyField(
        "actionplan.Challenge", verbose_name=_("challenges"), blank=True, related_name="events"
    )
    actions = models.ManyToManyField(
        "actionplan.Action", verbose_name=_("actions"), blank=True, related_name="events"
    )
    recording_url = models.URLField(_("recording"), blank=True)
    report = models.TextField(_("report or minutes"), blank=True, help_text=_("Markdown."))
    attendance_count = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    # Calendar clients update an event when SEQUENCE grows (RFC 5545).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[EventManager[Event]] = EventManager()
    _default_manager: ClassVar[EventManager[Event]]

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="events_event_ends_after_start",
                condition=Q(ends_at__gte=models.F("starts_at")),
            ),
            models.CheckConstraint(
                name="events_event_region_for_regional",
                condition=~Q(organiser="region") | Q(region__isnull=False),
            ),
            models.CheckConstraint(
                name="events_event_sane_dates",
                condition=sane_datetime_check("starts_at", "ends_at")
                & sane_datetime_check(
                    "registration_opens_at", "registration_closes_at", nullable=True
                ),
                violation_error_message=_("Enter dates between 1990 and 2100."),
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="events_event_status_start")]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event ends after it starts.")
        if self.organiser == Organiser.REGION and not self.region_id:
            errors["region"] = _("A regional event names its region.")
        if self.organiser == Organiser.PARTNER and not self.organisation_id:
            errors["organisation"] = _("Name the partner organisation.")
        if self.subregion and self.subregion.region_id != self.region_id:
            errors["subregion"] = _("This sub-region does not belong to the region.")
        if (
            self.format in (EventFormat.ON_SITE, EventFormat.HYBRID)
            and self.status != EventStatus.HELD
            and not (self.venue or self.address)
        ):
            errors["venue"] = _("An event on site needs a venue or an address.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration closes after it opens.")
        if (
            self.registration_closes_at
            and self.ends_at
            and self.registration_closes_at > self.ends_at
        ):
            errors["registration_closes_at"] = _("Registration closes before the event ends.")
        if self.visibility == Visibility.ROLES and not self.invited_roles:
            errors["invited_roles"] = _("Choose which roles are invited.")
        if any(r not in INVITABLE_ROLES for r in self.invited_roles or []):
            errors["invited_roles"] = _("Unknown role.")
        if self.slug in {"reeks", "regio", "inschrijving"}:
            errors["slug"] = _("This slug is reserved.")
        if errors:
            raise ValidationError(errors)

    # --- derived state -----------------------------------------------------------------

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def is_online(self) -> bool:
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_on_site(self) -> bool:
        return self.format in (EventFormat.ON_SITE, EventFormat.HYBRID)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def registration_deadline(self) -> datetime.datetime:
        return self.registration_closes_at or self.starts_at

    def seats_left(self) -> int | None:
        """None: no limit. Uses the `seats_taken` annotation when the queryset has it."""
        if self.capacity is None:
            return None
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.registrations.filter(status__in=SEAT_STATUSES).count()
        return max(self.capacity - taken, 0)


class Session(models.Model):
    """A session or workshop in a conference's programme, with its own capacity."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    starts_at = SaneDateTimeField(_("starts"))
    ends_at = SaneDateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="events_session_ends_after_start",
                condition=Q(ends_at__gt=models.F("starts_at")),
            ),
            models.CheckConstraint(
                name="events_session_sane_dates",
                condition=sane_datetime_check("starts_at", "ends_at"),
                violation_error_message=_("Enter dates between 1990 and 2100."),
            ),
        ]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session ends after it starts.")})

    def overlaps(self, other: Session) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("One choice from a list")
    CHECKBOX = "checkbox", _("Tick box (yes/no)")


class Question(models.Model):
    """A registration question, e.g. dietary needs or organisation."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice per line."))
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [c.strip() for c in (self.choices or "").splitlines() if c.strip()]

    def clean(self) -> None:
        if self.kind == QuestionKind.CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> Self:
        return self.filter(status__in=ACTIVE_STATUSES)

    def holding_seat(self) -> Self:
        return self.filter(status__in=SEAT_STATUSES)

    def waiting(self) -> Self:
        return self.filter(status=RegistrationStatus.WAITING).order_by("position")


class Registration(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    # A member's full name is first (150) + space + last (150) characters.
    name = SingleLineCharField(_("name"), max_length=301)
    email = models.EmailField(_("e-mail address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    # Order on the waiting list: given once, never reused within an event.
    position = models.PositiveIntegerField(_("waiting list position"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    sessions = models.ManyToManyField(
        Session, verbose_name=_("sessions"), blank=True, related_name="registrations"
    )
    language = models.CharField(max_length=5, default="nl")
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One registration per person per event (a cancelled one is reused).
            models.UniqueConstraint(fields=["event", "email"], name="events_registration_unique"),
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False),
                name="events_registration_unique_user",
            ),
            models.UniqueConstraint(
                fields=["event", "position"],
                condition=Q(position__isnull=False),
                name="events_registration_unique_position",
            ),
            models.CheckConstraint(
                name="events_registration_waiting_has_position",
                condition=~Q(status="waiting") | Q(position__isnull=False),
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="events_reg_event_status"),
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class EventMessage(models.Model):
    """A message an organiser sent to everyone registered for an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = SingleLineCharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    include_waiting = models.BooleanField(_("also to the waiting list"), default=False)
    recipient_count = models.PositiveIntegerField(default=0)
    # The form's one-time token (or, without one, the content) hashed with the event: the
    # same message submitted twice is one message and one e-mail per recipient.
    key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
