"""Users and their profile. E-mail is the login; the profile lives on the user row so that
member lists need no extra join."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.personal_data import WITHDRAWABLE, ConsentKind


class Sector(models.TextChoices):
    WELFARE = "welfare", _("Welfare and care")
    YOUTH = "youth", _("Youth (care)")
    LOCAL_GOVERNMENT = "local_government", _("Local government / OCMW")
    SOCIO_CULTURAL = "socio_cultural", _("Socio-cultural work")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health / primary care")
    EMPLOYMENT = "employment", _("Work and activation")
    HOUSING = "housing", _("Housing")
    JUSTICE = "justice", _("Justice")
    OTHER = "other", _("Other")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)

    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=[("nl", "Nederlands"), ("fr", "Français"), ("en", "English")],
        default="nl",
    )
    wants_active_role = models.BooleanField(_("I want to take an active role"), default=False)
    leads_local_consultation = models.BooleanField(
        _("I lead a local consultation of social professionals"), default=False
    )
    directory_visible = models.BooleanField(
        _("show my profile in the member directory"),
        default=False,
        help_text=_("Other members then see your name, organisation and job title."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[misc, assignment]

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class Consent(models.Model):
    """What a person agreed to, in the words shown to them, when, and when they withdrew.

    A visitor without an account is known by the e-mail address they gave; the object
    the consent is about (a story, a contact request) is named by type and id, like the
    audit trail. Written only by `sterk.accounts.services` (through
    `sterk.core.personal_data.consent_record`)."""

    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ConsentKind.choices)
    text = models.TextField(_("text shown"))
    text_version = models.CharField(_("text version"), max_length=16)
    object_type = models.CharField(_("about"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="accounts_consent_object"),
            models.Index(fields=["email"], name="accounts_consent_email"),
        ]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.given_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

    @property
    def withdrawable(self) -> bool:
        return self.is_active and self.kind in WITHDRAWABLE
