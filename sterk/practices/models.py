"""The practice library: good practices and practice stories, the calls that gather them,
and the search index that finds them.

A practice goes draft -> submitted -> in review -> published or declined -> archived; a
moderator may ask for changes (the submitter edits and submits again). A story sent to a
call by a visitor waits, unconfirmed, until the e-mail link is followed: nothing is
moderated or published before that.

Only published practices are in the search index (`PracticeSearchEntry`, full text) and in
the facet table (`PracticeFacet`, one row per practice and facet value): the library page
reads these two narrow tables, never the wide practice rows, until it shows one page."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import LimitedImageField, SaneDateField, SingleLineCharField
from sterk.core.models import TimeStampedModel
from sterk.core.prefetch import shown
from sterk.core.search import SearchIndex


class Sector(models.TextChoices):
    WELFARE = "welfare", _("Welfare and general social work")
    CARE = "care", _("Care and health")
    YOUTH_CARE = "youth_care", _("Youth care")
    LOCAL_SOCIAL_POLICY = "local_social_policy", _("Local social policy (OCMW)")
    COMMUNITY = "community", _("Community development and neighbourhood work")
    SOCIO_CULTURAL = "socio_cultural", _("Socio-cultural work and adult education")
    HOUSING = "housing", _("Housing")
    WORK_INCOME = "work_income", _("Work and income")
    INTEGRATION = "integration", _("Integration and civic integration")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other")


class TargetGroup(models.TextChoices):
    CHILDREN_YOUTH = "children_youth", _("Children and young people")
    YOUNG_ADULTS = "young_adults", _("Young adults")
    FAMILIES = "families", _("Families and parents")
    NEWCOMERS = "newcomers", _("Newcomers")
    HOMELESS = "homeless", _("People without a home")
    POVERTY = "poverty", _("People in poverty")
    ELDERLY = "elderly", _("Older people")
    DISABILITY = "disability", _("People with a disability")
    PROFESSIONALS = "professionals", _("Social professionals")
    EVERYONE = "everyone", _("Everyone")


class Language(models.TextChoices):
    NL = "nl", "Nederlands"
    FR = "fr", "Français"
    EN = "en", "English"


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")
    ARCHIVED = "archived", _("Archived")


EDITABLE_BY_SUBMITTER = (Status.DRAFT, Status.CHANGES_REQUESTED)
MODERATION_QUEUE = (Status.SUBMITTED, Status.IN_REVIEW, Status.CHANGES_REQUESTED)
# Statuses moderators see at all (an unconfirmed or draft story is nobody's business yet).
MODERATOR_VISIBLE = (
    Status.SUBMITTED,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.PUBLISHED,
    Status.DECLINED,
    Status.ARCHIVED,
)


class Licence(models.TextChoices):
    """Under which terms others may reuse a published story (the author's choice)."""

    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS: dict[str, str] = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
}


class LinkKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    VIDEO = "video", _("Video (e.g. a recorded practice safari)")
    WEBSITE = "website", _("Website")
    PUBLICATION = "publication", _("Publication")
    OTHER = "other", _("Other")


# --- calls -------------------------------------------------------------------------------


class CallQuerySet(models.QuerySet["Call"]):
    def open_on(self, day: Any) -> Self:
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def open_now(self) -> Self:
        return self.open_on(timezone.localdate())


CallManager = models.Manager.from_queryset(CallQuerySet)


class Call(TimeStampedModel):
    """A call for practice stories, e.g. Socius asking for politicising practices in care
    and welfare. Open from `opens_on` to `closes_on` (inclusive, Brussels dates)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    question = models.TextField(_("the question"), help_text=_("Markdown."))
    audience = models.CharField(
        _("audience"), max_length=255, blank=True, help_text=_("Who is this call for?")
    )
    owner = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("owner organisation"),
        on_delete=models.PROTECT,
        related_name="practice_calls",
    )
    opens_on = SaneDateField(_("opens on"))
    closes_on = SaneDateField(_("closes on"))
    krachtlijn = models.ForeignKey(
        "identity.Krachtlijn",
        verbose_name=_("core principle it asks for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_calls",
    )
    challenge = models.ForeignKey(
        "actionplan.Challenge",
        verbose_name=_("challenge it asks for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_calls",
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    # [{"label": str, "kind": "text"|"choice", "choices": [str], "required": bool}]
    questions = models.JSONField(_("extra questions"), default=list, blank=True)
    consent_publish_text = models.CharField(
        _("consent to publish"),
        max_length=400,
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )
    consent_anonymous_text = models.CharField(
        _("confirmation that no client can be recognised"),
        max_length=400,
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[CallManager[Call]] = CallManager()
    _default_manager: ClassVar[CallManager[Call]]

    class Meta:
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="practices_call_dates_in_order",
            )
        ]
        verbose_name = _("call for practices")
        verbose_name_plural = _("calls for practices")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:call_detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        today = timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def publish_consent_text(self) -> str:
        """The words of the consent to publish, as shown on the form (and recorded)."""
        return str(
            self.consent_publish_text
            or _("My story may be published in the practice library of Sterk Sociaal Werk.")
        )

    def anonymous_consent_text(self) -> str:
        return str(
            self.consent_anonymous_text
            or _(
                "I confirm that no client or other person can be recognised in my story "
                "(no names, photos or details that identify people)."
            )
        )

    @property
    def not_yet_open(self) -> bool:
        return timezone.localdate() < self.opens_on

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The call closes after it opens.")})


# --- practices ---------------------------------------------------------------------------


class PracticeQuerySet(models.QuerySet["Practice"]):
    def published(self) -> Self:
        return self.filter(status=Status.PUBLISHED)

    def for_cards(self) -> Self:
        """Everything a card in a list shows, in a fixed number of queries. Not the
        images: no list shows them (the practice's page and the API's detail load them)."""
        return self.select_related("region").prefetch_related(
            *shown(self.model, "organisations", "krachtlijnen")
        )

    def moderated_by(self, roles: Any) -> Self:
        """What a person with these roles (sterk.core.roles.Roles) moderates."""
        qs = self.filter(status__in=MODERATOR_VISIBLE)
        if roles.coordinator:
            return qs
        return qs.filter(
            Q(region_id__in=roles.chair_region_ids)
            | Q(call__owner_id__in=roles.stakeholder_organisation_ids)
        )


PracticeManager = models.Manager.from_queryset(PracticeQuerySet)


class Practice(TimeStampedModel):
    slug = models.SlugField(_("slug"), max_length=90, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    story = models.TextField(_("the full story"), blank=True, help_text=_("Markdown."))
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.NL
    )
    organisations = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="practices",
    )
    organisation_names = models.CharField(
        _("organisations (as given)"),
        max_length=300,
        blank=True,
        help_text=_("The organisations as the submitter named them."),
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    subregion = models.ForeignKey(
        "network.SubRegion",
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    target_group = models.CharField(
        _("target group"), max_length=30, choices=TargetGroup.choices, blank=True
    )
    krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn",
        verbose_name=_("core principles it shows"),
        blank=True,
        related_name="practices",
    )
    functions = models.ManyToManyField(
        "identity.Function",
        verbose_name=_("functions it shows"),
        blank=True,
        related_name="practices",
    )
    challenges = models.ManyToManyField(
        "actionplan.Challenge",
        verbose_name=_("challenges it answers"),
        blank=True,
        related_name="practices",
    )
    actions = models.ManyToManyField(
        "actionplan.Action",
        verbose_name=_("actions it answers"),
        blank=True,
        related_name="practices",
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_consent = models.BooleanField(
        _("the contact person may be shown"),
        default=False,
        help_text=_("Only then are the name and e-mail address on the public page."),
    )
    # Existing stories had no licence: all rights reserved is the safe reading.
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
        help_text=_(
            "Under which terms others may reuse the published story. With a Creative "
            "Commons licence anyone may share it, naming the author; BY-SA asks them to "
            "share their version alike, BY-NC forbids commercial use. “All rights "
            "reserved”: they ask you first."
        ),
    )
    # Invented by load_practices_demo: ranks after real practices of the same relevance.
    is_demo = models.BooleanField(_("demo content"), default=False, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    review_comment = models.TextField(_("comments to the submitter"), blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who sent it: a member (submitted_by) or a visitor (name and e-mail, confirmed by link).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_submissions",
    )
    submitter_name = models.CharField(_("your name"), max_length=150, blank=True)
    submitter_email = models.EmailField(_("your e-mail address"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    # Sent to a call: the answers to its extra questions and the consents given.
    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    answers = models.JSONField(_("answers"), default=list, blank=True)
    consent_publish = models.BooleanField(_("consent to publish"), default=False)
    consent_anonymous = models.BooleanField(_("no client can be recognised"), default=False)

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[PracticeManager[Practice]] = PracticeManager()
    _default_manager: ClassVar[PracticeManager[Practice]]

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "region"], name="practices_status_region"),
            models.Index(fields=["call", "status"], name="practices_call_status"),
        ]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:practice_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def submitter_address(self) -> str:
        if self.submitted_by_id and self.submitted_by and self.submitted_by.is_active:
            return self.submitted_by.email
        return self.submitter_email

    @property
    def submitter_display(self) -> str:
        if self.submitted_by_id and self.submitted_by:
            return str(self.submitted_by)
        return self.submitter_name or self.submitter_email

    @property
    def original_language(self) -> str:
        """The language of the text in the Dutch columns (sterk.core.content_language)."""
        return self.language

    @staticmethod
    def contact_consent_text() -> str:
        field = Practice._meta.get_field("contact_consent")
        return f"{field.verbose_name}. {field.help_text}"

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def editable_by_submitter(self) -> bool:
        return self.status in EDITABLE_BY_SUBMITTER

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.subregion_id and self.subregion and self.subregion.region_id != self.region_id:
            raise ValidationError(
                {"subregion": _("This sub-region does not belong to the chosen region.")}
            )


class PracticeLink(models.Model):
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="links"
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=LinkKind.choices, default=LinkKind.WEBSITE
    )
    url = models.URLField(_("address (URL)"), max_length=500)
    title = SingleLineCharField(_("link text"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title or self.url


class PracticeImage(models.Model):
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="images"
    )
    image = LimitedImageField(_("image"), upload_to="practices/%Y/")
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_text


# --- search index and facets (published practices only; written by services) -----------


class PracticeSearchEntry(models.Model):
    """The text of one published practice, for full-text search (see sterk.core.search).
    On PostgreSQL a trigger adds a weighted tsvector; on SQLite triggers feed FTS5."""

    practice = models.OneToOneField(
        Practice, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    published_at = models.DateTimeField(db_index=True)
    title = models.TextField()
    summary = models.TextField()
    body = models.TextField()
    stem_title = models.TextField(blank=True)
    stem_body = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False)  # Practice.is_demo: a lower rank

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.title


SEARCH_INDEX = SearchIndex(table="practices_practicesearchentry", key="practice_id")


class SearchWord(models.Model):
    """The vocabulary of the library (the words of the published practices' titles,
    summaries and stories, lower case without accents), for "Did you mean" suggestions: rebuilt from the search
    entries when the library changed (selectors.search_words). On PostgreSQL a trigram
    index (pg_trgm) serves `similarity()`."""

    word = models.CharField(max_length=60, unique=True)  # search.normalise()d
    spelling = models.CharField(max_length=60)  # its commonest form, as shown
    frequency = models.PositiveIntegerField(default=1)  # entries the word occurs in

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word


class Facet(models.TextChoices):
    KRACHTLIJN = "k", _("Core principle")
    FUNCTION = "f", _("Function")
    CHALLENGE = "c", _("Challenge")
    REGION = "r", _("Region")
    SECTOR = "s", _("Sector")
    TARGET_GROUP = "t", _("Target group")
    ORGANISATION = "o", _("Organisation")
    YEAR = "y", _("Year")


class PracticeFacet(models.Model):
    """One facet value of one published practice ("r"/"12" = region 12)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=1, choices=Facet.choices)
    value = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "facet", "value"], name="practices_facet_unique"
            )
        ]
        indexes = [
            models.Index(fields=["facet", "value", "practice"], name="practices_facet_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.facet}:{self.value}"
