"""Surveys (bevragingen): how the network listens.

A survey has an owner (the platform, a region, or a partner organisation for a spearhead),
an audience, sections of questions and, once people answered, responses with one row per
answer. Answers are narrow rows (`Answer`: the question, the chosen option or matrix row,
a number, a list value, a text) so results are counted by the database with GROUP BY.

Anonymous surveys store no link between a response and a person: a `Response` of such a
survey has no user and no e-mail; that a person took part (one response per member or
per confirmed address) is a separate `Participation` row that does not point to the
response, and holds no time finer than the day."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import SaneDateField, SaneDateTimeField, SingleLineCharField
from sterk.core.models import TimeStampedModel


class OwnerKind(models.TextChoices):
    PLATFORM = "platform", _("The platform")
    REGION = "region", _("A region")
    ORGANISATION = "organisation", _("A partner organisation")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone (also visitors)")
    MEMBERS = "members", _("Members of the platform")
    REGIONS = "regions", _("Members of given regions")
    ROLES = "roles", _("People with given roles")


class AudienceRole(models.TextChoices):
    CHAIR = "chair", _("Regional chairs")
    STEERING = "steering", _("Steering group members")
    STAKEHOLDER = "stakeholder", _("Stakeholder representatives")
    COORDINATOR = "coordinator", _("Coordinators")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Survey(TimeStampedModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    owner_kind = models.CharField(
        _("owner"), max_length=20, choices=OwnerKind.choices, default=OwnerKind.REGION
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    spearhead = models.ForeignKey(
        "actionplan.Spearhead",
        verbose_name=_("spearhead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
    )
    opens_at = SaneDateTimeField(_("opens at"))
    closes_at = SaneDateTimeField(_("closes at"))
    audience = models.CharField(
        _("who may answer"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    audience_regions = models.ManyToManyField(
        "network.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    audience_roles = models.JSONField(_("roles"), default=list, blank=True)
    anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("Answers are stored without any link to the person who gave them."),
    )
    consent_text = models.TextField(_("consent text"))
    purpose = models.TextField(_("what the answers will be used for"))
    contact_name = SingleLineCharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    status = models.CharField(
        _("state"), max_length=20, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    # The questions and answers on the platform are demo data (the real survey was held
    # elsewhere; its known facts are in the introduction).
    is_demo = models.BooleanField(_("questions and answers are demo data"), default=False)
    reported_respondents = models.PositiveIntegerField(
        _("respondents reported by the owner"),
        null=True,
        blank=True,
        help_text=_("For a survey held outside the platform: how many took part."),
    )
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    followup_published_at = models.DateTimeField(_("follow-up published"), null=True, blank=True)

    class Meta:
        ordering = ("-opens_at", "pk")
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=(
                    Q(owner_kind="platform", region__isnull=True, organisation__isnull=True)
                    | Q(owner_kind="region", region__isnull=False, organisation__isnull=True)
                    | Q(owner_kind="organisation", region__isnull=True, organisation__isnull=False)
                ),
                name="survey_owner_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def is_open(self, moment: datetime.datetime | None = None) -> bool:
        moment = moment or timezone.now()
        return self.status == SurveyStatus.PUBLISHED and self.opens_at <= moment < self.closes_at

    def owner_label(self) -> str:
        if self.region_id:
            return str(self.region)
        if self.organisation_id and self.spearhead_id:
            return str(
                _("%(organisation)s, for the spearhead “%(spearhead)s”")
                % {"organisation": self.organisation, "spearhead": self.spearhead}
            )
        if self.organisation_id:
            return str(self.organisation)
        return str(_("Sterk Sociaal Werk"))


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(_("position"), default=0)
    title = SingleLineCharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        ordering = ("position", "pk")
        verbose_name = _("section")

    def __str__(self) -> str:
        return str(self.title)


class Kind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    LIST = "list", _("Choice from a platform list")
    MATRIX = "matrix", _("Matrix of scale questions")


CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.LIST})
OPTION_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.MATRIX})
TEXT_KINDS = frozenset({Kind.SHORT_TEXT, Kind.LONG_TEXT})


class ListSource(models.TextChoices):
    REGION = "region", _("Regions")
    SECTOR = "sector", _("Sectors")
    KRACHTLIJN = "krachtlijn", _("Core principles (krachtlijnen)")
    CHALLENGE = "challenge", _("Challenges of the action plan")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("question"))
    help = models.TextField(_("explanation"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    allow_other = models.BooleanField(
        _("offer 'other: ...'"), default=False, help_text=_("Only for choices.")
    )
    scale_max = models.PositiveSmallIntegerField(_("scale from 1 to"), default=5)
    label_low = SingleLineCharField(_("label of the lowest value"), max_length=100, blank=True)
    label_high = SingleLineCharField(_("label of the highest value"), max_length=100, blank=True)
    list_source = models.CharField(
        _("platform list"), max_length=20, choices=ListSource.choices, blank=True
    )
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("show only if question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publish = models.BooleanField(_("in the published results"), default=False)
    condition_option = models.ForeignKey(
        "Option",
        verbose_name=_("has the answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ("position", "pk")
        verbose_name = _("question")

    def __str__(self) -> str:
        return str(self.text)[:80]

    @property
    def has_options(self) -> bool:
        return self.kind in OPTION_KINDS

    @property
    def scale_values(self) -> list[int]:
        return list(range(1, self.scale_max + 1))


class Option(models.Model):
    """A choice of a single/multiple choice question, or a row of a matrix."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField(_("position"), default=0)
    label = SingleLineCharField(_("label"), max_length=300)

    class Meta:
        ordering = ("position", "pk")
        verbose_name = _("option")

    def __str__(self) -> str:
        return str(self.label)


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Being answered")
    SUBMITTED = "submitted", _("Submitted")


class Response(models.Model):
    """One person's answers. For an identified survey: `user` (a member) or `email` (a
    visitor who confirmed it through the mailed link). For an anonymous one: neither,
    only a random `token` that the respondent's session holds while answering."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    email = models.EmailField(blank=True)
    token = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    late = models.BooleanField(default=False)  # taken in the grace period after closing
    # While answering an identified survey: the answers given so far, by form field name.
    # (Anonymous surveys keep this in the respondent's session, never in the database.)
    draft = models.JSONField(default=dict, blank=True)
    current = models.PositiveIntegerField(default=0)  # the section page reached

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("survey", "user"),
                condition=Q(user__isnull=False),
                name="survey_one_response_per_member",
            ),
            models.UniqueConstraint(
                fields=("survey", "email"),
                condition=~Q(email=""),
                name="survey_one_response_per_email",
            ),
        ]
        indexes = [models.Index(fields=("survey", "status"))]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # A chosen option (single/multiple) or the row of a matrix.
    option = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    number = models.IntegerField(null=True, blank=True)  # scale value, number, matrix value
    choice = models.CharField(max_length=40, blank=True)  # a platform list value (pk, code)
    other = models.BooleanField(default=False)  # "other: ..." chosen; its text in `text`
    text = models.TextField(blank=True)
    # A free-text answer (or an "other" text) the owner approved for the public results.
    approved = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=("question", "option", "response")),
            models.Index(fields=("question", "choice", "response")),
            # Covering the grouped columns: a group's answers are read from the index only.
            models.Index(
                fields=("response", "question", "option", "number", "choice", "other"),
                name="survey_answer_grouped",
            ),
            models.Index(
                fields=("question",), condition=Q(approved=True), name="survey_answer_approved"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.option_id or self.number or self.choice or ''}"


class Participation(models.Model):
    """That a member or a confirmed address took part in a survey (one response each).
    For anonymous surveys this is the only trace of the person, and it does not point to
    the response. A visitor's address is confirmed by the mailed link (`token`)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_participations",
    )
    email = models.EmailField(blank=True)
    token = models.CharField(max_length=64, unique=True)
    confirmed = models.BooleanField(default=False)
    submitted = models.BooleanField(default=False)
    keep_informed = models.BooleanField(default=False)
    day = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("survey", "user"),
                condition=Q(user__isnull=False),
                name="survey_one_participation_per_member",
            ),
            models.UniqueConstraint(
                fields=("survey", "email"),
                condition=~Q(email=""),
                name="survey_one_participation_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.user_id or self.email}"


def answer_rows(response: Response) -> dict[int, list[Any]]:
    """The answers of a response by question id (one query)."""
    rows: dict[int, list[Any]] = {}
    for a in response.answers.all():
        rows.setdefault(a.question_id, []).append(a)
    return rows


# --- jullie zeiden, wij deden -------------------------------------------------------------


class Finding(models.Model):
    """What the owner reads in the results: a short statement tied to questions (whose
    numbers the follow-up page shows) and chosen quotes (approved free texts)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(_("position"), default=0)
    statement = models.TextField(_("what you said"))
    questions = models.ManyToManyField(
        Question, verbose_name=_("questions it is based on"), blank=True, related_name="findings"
    )
    quotes = models.ManyToManyField(
        Answer, verbose_name=_("quotes"), blank=True, related_name="findings"
    )

    class Meta:
        ordering = ("position", "pk")
        verbose_name = _("finding")

    def __str__(self) -> str:
        return str(self.statement)[:80]


class PointStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    PROPOSED = "proposed", _("Proposed to the steering group")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionPoint(models.Model):
    """What the region or platform does about a finding. Linked to an action, an action
    proposal, an event or a call for practices, its state follows that item
    (`effective_status`); otherwise the owner sets it."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="points")
    title = SingleLineCharField(_("what we do"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    responsible = SingleLineCharField(_("who does it"), max_length=200, blank=True)
    due = SaneDateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("state"), max_length=20, choices=PointStatus.choices, default=PointStatus.PLANNED
    )
    action = models.ForeignKey(
        "actionplan.Action",
        verbose_name=_("action of the action plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_points",
    )
    proposal = models.ForeignKey(
        "actionplan.ActionProposal",
        verbose_name=_("action proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_points",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_points",
    )
    call = models.ForeignKey(
        "practices.Call",
        verbose_name=_("call for practices"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_points",
    )
    done_notified = models.BooleanField(default=False)

    class Meta:
        ordering = ("due", "pk")
        verbose_name = _("action point")

    def __str__(self) -> str:
        return str(self.title)

    def public_event(self) -> Any:
        """The linked event when the follow-up page may show it to anyone: listed and
        public (a members' or invited-roles event keeps its title off the public page)."""
        event = self.event if self.event_id else None
        if event is None or event.status == "draft" or event.visibility != "public":
            return None
        return event

    def linked_action(self) -> Any:
        if self.action_id:
            return self.action
        if self.proposal_id and self.proposal is not None and self.proposal.action_id:
            return self.proposal.action
        return None

    @property
    def effective_status(self) -> str:
        action = self.linked_action()
        if action is not None:
            return {
                "completed": PointStatus.DONE,
                "stopped": PointStatus.DROPPED,
                "running": PointStatus.IN_PROGRESS,
                "preparing": PointStatus.IN_PROGRESS,
            }.get(action.status, PointStatus.PLANNED)
        if self.proposal_id and self.proposal is not None:
            if self.proposal.status == "declined":
                return PointStatus.DROPPED
            return PointStatus.PROPOSED
        if self.event_id and self.event is not None:
            ends = getattr(self.event, "ends_at", None) or getattr(self.event, "starts_at", None)
            if getattr(self.event, "status", "") == "cancelled":
                return PointStatus.DROPPED
            if ends is not None and ends < timezone.now():
                return PointStatus.DONE
            return PointStatus.PLANNED
        if self.call_id and self.call is not None:
            if self.call.closes_on < timezone.localdate():
                return PointStatus.DONE
            if self.call.opens_on <= timezone.localdate():
                return PointStatus.IN_PROGRESS
            return PointStatus.PLANNED
        return self.status

    def effective_status_label(self) -> str:
        return str(PointStatus(self.effective_status).label)


class AnswerTally(models.Model):
    """The count of one answer value (question, option or matrix row, value, list value,
    "other"), kept up to date by the database as responses are submitted (`n = n + 1`
    under a lock on the survey): the unfiltered results read these few rows instead of
    grouping every answer. `services.tally_rebuild` recomputes them with one GROUP BY;
    a test checks both agree."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="tallies")
    key = models.CharField(max_length=80)
    option = models.ForeignKey(Option, null=True, blank=True, on_delete=models.CASCADE)
    number = models.IntegerField(null=True, blank=True)
    choice = models.CharField(max_length=40, blank=True)
    other = models.BooleanField(default=False)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("question", "key"), name="survey_tally_unique")
        ]

    def __str__(self) -> str:
        return f"{self.question_id}/{self.key}: {self.n}"


class QuestionTally(models.Model):
    """Per question: how many respondents answered it and how many wrote a text."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="tally")
    respondents = models.PositiveIntegerField(default=0)
    texts = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.question_id}: {self.respondents}"


def tally_key(option_id: int | None, number: int | None, choice: str, other: bool) -> str:
    return f"{option_id or ''}|{'' if number is None else number}|{choice}|{int(other)}"


class CrossTally(models.Model):
    """The count of one answer value among the respondents of one group (those who gave
    `group_key` to `group_question`), kept by the database on submit like `AnswerTally`:
    a comparison of two groups reads a few hundred rows, not every answer. `answered`
    rows count the respondents of a question within the group."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    pair = models.CharField(max_length=200, unique=True)
    group_question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    group_key = models.CharField(max_length=40)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    answered = models.BooleanField(default=False)
    option = models.ForeignKey(Option, null=True, blank=True, on_delete=models.CASCADE)
    number = models.IntegerField(null=True, blank=True)
    choice = models.CharField(max_length=40, blank=True)
    other = models.BooleanField(default=False)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=("group_question", "group_key"))]

    def __str__(self) -> str:
        return f"{self.pair}: {self.n}"


def group_key_of(option_id: int | None, choice: str, other: bool) -> str:
    if other:
        return "other"
    return str(option_id) if option_id else choice


def cross_pair(group_question: int, group_key: str, question: int, key: str) -> str:
    return f"{group_question}:{group_key}>{question}:{key}"
