"""The Vlaams Actieplan Sterk Sociaal Werk, tracked in the open.

A plan has challenges; a challenge has actions; an action has suggested initiatives.
Spearheads (with activities) and first priorities belong to the plan too. Progress is a
list of dated updates on an action, an initiative or a spearhead activity: the latest one
is the current state, which services copy onto the tracked object (`status`, `progress`,
`status_date`) so that list pages filter and count without looking at the history.
An evaluation keeps a frozen snapshot of the whole plan's state at its date."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import SaneDateField, SingleLineCharField
from sterk.core.models import TimeStampedModel
from sterk.core.prefetch import shown


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    PREPARING = "preparing", _("In preparation")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


class Origin(models.TextChoices):
    PLAN = "plan", _("Action plan")
    REGIONAL = "regional", _("Regional platform")


# --- plan ------------------------------------------------------------------------------


class PlanQuerySet(models.QuerySet["Plan"]):
    def current(self) -> Plan | None:
        return self.filter(is_current=True).first()


PlanManager = models.Manager.from_queryset(PlanQuerySet)


class Plan(TimeStampedModel):
    slug = models.SlugField(_("slug"), unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    is_current = models.BooleanField(
        _("current plan"),
        default=False,
        help_text=_("The public pages show the current plan. Only one plan is current."),
    )

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[PlanManager[Plan]] = PlanManager()
    _default_manager: ClassVar[PlanManager[Plan]]

    class Meta:
        ordering = ["-start_year", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="actionplan_one_current_plan",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="actionplan_plan_period_order",
            ),
        ]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return f"{self.title} {self.period}"

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year comes after the first year.")})


class Challenge(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="challenges"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))

    class Meta:
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="actionplan_challenge_unique_number"
            )
        ]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("actionplan:challenge_detail", kwargs={"slug": self.slug})


class TrackedState(models.Model):
    """The current state of something whose progress is tracked. Never edited by hand:
    `services.progress_record` / `progress_delete` copy it from the latest update."""

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    status_date = SaneDateField(_("state as of"), null=True, blank=True)

    class Meta:
        abstract = True


class ActionQuerySet(models.QuerySet["Action"]):
    def of_plan(self, plan: Plan) -> Self:
        return self.filter(challenge__plan=plan)

    def in_current_plan(self) -> Self:
        return self.filter(challenge__plan__is_current=True)

    def carried_by_region(self, region: Any) -> Self:
        region_id = getattr(region, "pk", region)
        through = Action.carrier_regions.through
        return self.filter(
            Exists(through.objects.filter(action_id=OuterRef("pk"), region_id=region_id))
        )

    def carried_by_regions(self, region_ids: Any) -> Self:
        through = Action.carrier_regions.through
        return self.filter(
            Exists(through.objects.filter(action_id=OuterRef("pk"), region_id__in=region_ids))
        )

    def carried_by_organisations(self, organisation_ids: Any) -> Self:
        through = Action.carrier_organisations.through
        return self.filter(
            Exists(
                through.objects.filter(
                    action_id=OuterRef("pk"), organisation_id__in=organisation_ids
                )
            )
        )

    def with_krachtlijn(self, krachtlijn: Any) -> Self:
        krachtlijn_id = getattr(krachtlijn, "pk", krachtlijn)
        through = Action.krachtlijnen.through
        return self.filter(
            Exists(through.objects.filter(action_id=OuterRef("pk"), krachtlijn_id=krachtlijn_id))
        )

    def with_function(self, function: Any) -> Self:
        function_id = getattr(function, "pk", function)
        through = Action.functions.through
        return self.filter(
            Exists(through.objects.filter(action_id=OuterRef("pk"), function_id=function_id))
        )

    def for_display(self) -> Self:
        """Everything a list of actions shows, in a fixed number of queries."""
        return self.select_related("challenge", "origin_region").prefetch_related(
            *shown(
                self.model, "carrier_regions", "carrier_organisations", "krachtlijnen", "functions"
            )
        )

    def in_plan_order(self) -> Self:
        return self.order_by("challenge__number", "order", "number", "id")


ActionManager = models.Manager.from_queryset(ActionQuerySet)


class Action(TimeStampedModel, TrackedState):
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="actions"
    )
    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("The number in the published plan.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.PLAN
    )
    origin_region = models.ForeignKey(
        "network.Region",
        verbose_name=_("proposed by the regional platform"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="originated_plan_actions",
    )
    krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn",
        verbose_name=_("core principles it strengthens"),
        blank=True,
        related_name="plan_actions",
    )
    functions = models.ManyToManyField(
        "identity.Function",
        verbose_name=_("functions it strengthens"),
        blank=True,
        related_name="plan_actions",
    )
    carrier_regions = models.ManyToManyField(
        "network.Region",
        verbose_name=_("carried by regional platforms"),
        blank=True,
        related_name="plan_actions",
    )
    carrier_organisations = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("carried by organisations"),
        blank=True,
        related_name="plan_actions",
    )

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[ActionManager[Action]] = ActionManager()
    _default_manager: ClassVar[ActionManager[Action]]

    class Meta:
        ordering = ["challenge__number", "order", "number", "id"]
        constraints = [
            models.CheckConstraint(
                name="actionplan_action_regional_has_region",
                condition=~Q(origin="regional") | Q(origin_region__isnull=False),
            ),
            models.CheckConstraint(
                name="actionplan_action_progress_max_100",
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
            ),
        ]
        indexes = [models.Index(fields=["status"], name="actionplan_action_status")]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actionplan:action_detail", kwargs={"slug": self.slug})

    @property
    def is_regional(self) -> bool:
        return self.origin == Origin.REGIONAL

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.origin == Origin.REGIONAL and not self.origin_region_id:
            raise ValidationError(
                {"origin_region": _("A regional action names the platform that proposed it.")}
            )


class Initiative(TrackedState):
    """One of the initiatives the plan suggests for an action (an ordered list)."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="initiatives"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = SingleLineCharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                name="actionplan_initiative_progress_max_100",
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
            ),
        ]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.action.get_absolute_url() + f"#initiatief-{self.pk}"


# --- spearheads and first priorities ----------------------------------------------------


class Spearhead(TimeStampedModel):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="spearheads"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    lead_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_spearheads",
    )
    partners = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="spearhead_partnerships",
    )
    challenges = models.ManyToManyField(
        Challenge, verbose_name=_("related challenges"), blank=True, related_name="spearheads"
    )

    class Meta:
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="actionplan_spearhead_unique_number"
            ),
        ]
        verbose_name = _("spearhead")
        verbose_name_plural = _("spearheads")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actionplan:spearhead_detail", kwargs={"slug": self.slug})

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year comes after the first year.")})


class SpearheadActivity(TrackedState):
    """What a spearhead does, e.g. tell / understand / strengthen, each with its own state."""

    spearhead = models.ForeignKey(
        Spearhead, verbose_name=_("spearhead"), on_delete=models.CASCADE, related_name="activities"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    timing = models.CharField(
        _("when"), max_length=100, blank=True, help_text=_("For example “from 2022”.")
    )
    partners = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("with"),
        blank=True,
        related_name="spearhead_activities",
    )

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                name="actionplan_activity_progress_max_100",
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
            ),
        ]
        verbose_name = _("spearhead activity")
        verbose_name_plural = _("spearhead activities")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.spearhead.get_absolute_url() + f"#activiteit-{self.pk}"


class FirstPriority(models.Model):
    """The priorities chosen when the plan started (2020)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="first_priorities"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    challenges = models.ManyToManyField(
        Challenge, verbose_name=_("related challenges"), blank=True, related_name="first_priorities"
    )

    class Meta:
        ordering = ["year", "order", "id"]
        verbose_name = _("first priority")
        verbose_name_plural = _("first priorities")

    def __str__(self) -> str:
        return self.title


# --- progress --------------------------------------------------------------------------


class ProgressUpdateQuerySet(models.QuerySet["ProgressUpdate"]):
    def for_display(self) -> Self:
        return self.select_related(
            "action", "initiative", "activity", "on_behalf_region", "on_behalf_organisation"
        )

    def latest_first(self) -> Self:
        return self.order_by("-date", "-id")


class ProgressUpdate(models.Model):
    """A dated update on exactly one of: an action, an initiative, a spearhead activity.
    Updates are history: they are never edited; a coordinator may remove a wrong one."""

    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
    )
    activity = models.ForeignKey(
        SpearheadActivity,
        verbose_name=_("spearhead activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
    )
    date = SaneDateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Optional, 0 to 100."),
    )
    narrative = models.TextField(_("what happened"), max_length=2000)
    links = models.JSONField(_("links"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Shown publicly instead of the person: the platform or organisation that reported.
    on_behalf_region = models.ForeignKey(
        "network.Region",
        verbose_name=_("on behalf of the regional platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    on_behalf_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("on behalf of the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                name="actionplan_update_exactly_one_target",
                condition=(
                    Q(action__isnull=False, initiative__isnull=True, activity__isnull=True)
                    | Q(action__isnull=True, initiative__isnull=False, activity__isnull=True)
                    | Q(action__isnull=True, initiative__isnull=True, activity__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="actionplan_update_progress_max_100",
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
            ),
        ]
        indexes = [
            models.Index(fields=["action", "date"], name="actionplan_upd_action_date"),
            models.Index(fields=["initiative", "date"], name="actionplan_upd_init_date"),
            models.Index(fields=["activity", "date"], name="actionplan_upd_activity_date"),
        ]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_status_display()}: {self.target}"

    @property
    def target(self) -> Action | Initiative | SpearheadActivity | None:
        return self.action or self.initiative or self.activity

    @property
    def reporter(self) -> Any:
        return self.on_behalf_region or self.on_behalf_organisation


# --- evaluations -----------------------------------------------------------------------


class Evaluation(TimeStampedModel):
    """An evaluation moment, e.g. the second Sociaalwerkconferentie (5 May 2022). Its
    snapshot is taken once and never recomputed: later updates do not change it."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="evaluations"
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    date = SaneDateField(_("date"))
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    snapshot = models.JSONField(_("snapshot"), default=list, blank=True, editable=False)
    snapshot_taken_at = models.DateTimeField(
        _("snapshot taken"), null=True, blank=True, editable=False
    )
    snapshot_taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("snapshot taken by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actionplan:evaluation_detail", kwargs={"slug": self.slug})

    @property
    def is_frozen(self) -> bool:
        return self.snapshot_taken_at is not None


class EvaluationConclusion(models.Model):
    """What the evaluation concluded about one challenge, action or spearhead."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluation"),
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("challenge"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conclusions",
    )
    spearhead = models.ForeignKey(
        Spearhead,
        verbose_name=_("spearhead"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    text = models.TextField(_("conclusion"), help_text=_("Markdown."))

    class Meta:
        ordering = ["evaluation__date", "challenge__number", "id"]
        constraints = [
            models.CheckConstraint(
                name="actionplan_conclusion_exactly_one_subject",
                condition=(
                    Q(challenge__isnull=False, action__isnull=True, spearhead__isnull=True)
                    | Q(challenge__isnull=True, action__isnull=False, spearhead__isnull=True)
                    | Q(challenge__isnull=True, action__isnull=True, spearhead__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["evaluation", "challenge"],
                condition=Q(challenge__isnull=False),
                name="actionplan_conclusion_unique_challenge",
            ),
            models.UniqueConstraint(
                fields=["evaluation", "action"],
                condition=Q(action__isnull=False),
                name="actionplan_conclusion_unique_action",
            ),
            models.UniqueConstraint(
                fields=["evaluation", "spearhead"],
                condition=Q(spearhead__isnull=False),
                name="actionplan_conclusion_unique_spearhead",
            ),
        ]
        verbose_name = _("evaluation conclusion")
        verbose_name_plural = _("evaluation conclusions")

    def __str__(self) -> str:
        return f"{self.evaluation}: {self.subject}"

    @property
    def subject(self) -> Challenge | Action | Spearhead | None:
        return self.challenge or self.action or self.spearhead


# --- regional proposals ----------------------------------------------------------------


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


OPEN_PROPOSAL_STATUSES = (ProposalStatus.SUBMITTED, ProposalStatus.CHANGES_REQUESTED)


class ActionProposalQuerySet(models.QuerySet["ActionProposal"]):
    def open(self) -> Self:
        return self.filter(status__in=OPEN_PROPOSAL_STATUSES)

    def for_list(self) -> Self:
        return self.select_related("region", "challenge", "proposed_by", "decided_by", "action")


class ActionProposal(TimeStampedModel):
    """A new action a regional platform proposes; the steering group or a coordinator
    approves it (it then joins the plan as a regional action), asks for changes, or
    declines it with a reason."""

    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("regional platform"),
        on_delete=models.PROTECT,
        related_name="action_proposals",
    )
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = SingleLineCharField(_("title"), max_length=255)
    description = models.TextField(_("description"), help_text=_("Markdown."))
    initiatives = models.TextField(
        _("initiatives"), blank=True, help_text=_("One initiative per line.")
    )
    krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn",
        verbose_name=_("core principles it strengthens"),
        blank=True,
        related_name="plan_proposals",
    )
    functions = models.ManyToManyField(
        "identity.Function",
        verbose_name=_("functions it strengthens"),
        blank=True,
        related_name="plan_proposals",
    )
    carrier_regions = models.ManyToManyField(
        "network.Region",
        verbose_name=_("carried by regional platforms"),
        blank=True,
        related_name="carried_plan_proposals",
    )
    carrier_organisations = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("carried by organisations"),
        blank=True,
        related_name="carried_plan_proposals",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    decision_message = models.TextField(_("message from the steering group"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    action = models.OneToOneField(
        Action,
        verbose_name=_("resulting action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    objects = ActionProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("action proposal")
        verbose_name_plural = _("action proposals")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PROPOSAL_STATUSES

    def initiative_lines(self) -> list[str]:
        return [
            line.strip(" -*\t") for line in self.initiatives.splitlines() if line.strip(" -*\t")
        ]
