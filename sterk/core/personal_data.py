"""The registry of personal data (GDPR articles 15, 17 and 20).

Every app that keeps data about a person registers a `Provider` in its
`AppConfig.ready()`: what it exports, how it erases, and which models and fields it covers.
`sterk.accounts.services.personal_data_export` and `account_delete` iterate the registry,
so a lower app never imports a higher one, and a test walks every model of the project and
fails when a model with a link to the user, an e-mail address or a person's name is not
covered by some provider (see sterk/accounts/tests/test_personal_data.py).

The same module holds the hook for consent records: apps record a consent through
`consent_record` (the accounts app stores it) and register what withdrawing a consent of a
kind does (`register_consent_withdrawal`)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

ERASED = "[erased]"


@dataclass
class DataSubject:
    """The person whose data is exported or erased: the account, every e-mail address known
    to be theirs (the login and allauth's verified addresses) and the names and addresses
    found in their records (filled in by the providers before erasing, for scrubbing logs)."""

    user: Any
    emails: frozenset[str]
    identifiers: set[str] = field(default_factory=set)

    def scrub_terms(self) -> list[str]:
        """What to remove from free text and logs: addresses, and full names (a single word
        such as a first name, or a short one, would also match unrelated text)."""
        terms = {e for e in self.emails if e}
        for term in (t.strip() for t in self.identifiers if t):
            if "@" in term or (" " in term and len(term) >= 5):
                terms.add(term)
        return sorted(terms, key=len, reverse=True)


@dataclass(frozen=True)
class Provider:
    """One app's part of a person's data.

    `export(subject)` returns a JSON-serialisable section of the download;
    `erase(subject, actor=...)` erases or anonymises it, inside the caller's transaction;
    `covers` maps "app_label.ModelName" to the fields of that model holding personal data
    (or linking to the user); `identifiers(subject)` yields names and addresses found in the
    app's records of the person (e.g. the name given on a registration); `order` sets the
    erasing order (lower first: events before the e-mail log they write to)."""

    key: str
    export: Callable[[DataSubject], Any]
    erase: Callable[..., None]
    covers: dict[str, tuple[str, ...]]
    identifiers: Callable[[DataSubject], Iterable[str]] | None = None
    order: int = 50


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    _providers[provider.key] = provider


def providers() -> list[Provider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.key))


def covered_fields() -> dict[str, set[str]]:
    """Model label -> the fields that some provider exports and erases."""
    covered: dict[str, set[str]] = {}
    for provider in providers():
        for label, names in provider.covers.items():
            covered.setdefault(label, set()).update(names)
    return covered


def subject_for(user: Any) -> DataSubject:
    from allauth.account.models import EmailAddress

    emails = {user.email.lower()} if user.email else set()
    emails |= {
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }
    subject = DataSubject(user=user, emails=frozenset(emails))
    full_name = user.get_full_name().strip()
    if full_name:
        subject.identifiers.add(full_name)
    return subject


def collect_identifiers(subject: DataSubject) -> DataSubject:
    for provider in providers():
        if provider.identifiers is not None:
            subject.identifiers.update(i for i in provider.identifiers(subject) if i)
    return subject


# --- scrubbing free text and JSON ---------------------------------------------------------


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in terms), flags=re.IGNORECASE)


def scrub(value: Any, terms: list[str]) -> Any:
    """The value with every term replaced by "[erased]", recursively through JSON."""
    pattern = _pattern(terms)
    if pattern is None:
        return value
    return _scrub(value, pattern)


def _scrub(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, list):
        return [_scrub(v, pattern) for v in value]
    if isinstance(value, dict):
        return {_scrub(k, pattern): _scrub(v, pattern) for k, v in value.items()}
    return value


def mentions_q(field_names: Iterable[str], terms: list[str], *, json_fields: Iterable[str] = ()):
    """A filter for rows whose text (or JSON, read as text) mentions any of the terms."""
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    condition = Q(pk__in=[])
    annotations: dict[str, Any] = {}
    for name in json_fields:
        annotations[f"_{name}_text"] = Cast(name, TextField())
    for term in terms:
        for name in field_names:
            condition |= Q(**{f"{name}__icontains": term})
        for name in json_fields:
            # SQLite keeps JSON with \u escapes for non-ASCII; PostgreSQL as characters.
            condition |= Q(**{f"_{name}_text__icontains": term})
            escaped = json.dumps(term)[1:-1]
            if escaped != term:
                condition |= Q(**{f"_{name}_text__icontains": escaped})
    return annotations, condition


# --- consents ----------------------------------------------------------------------------


class ConsentKind(models.TextChoices):
    """What a person agreed to. Each kind is recorded where the platform asks for it."""

    STORY_PUBLISH = "story_publish", _("My practice story may be published")
    STORY_ANONYMOUS = "story_anonymous", _("No client can be recognised in my story")
    PRACTICE_CONTACT = "practice_contact", _("The contact person of a practice may be shown")
    DIRECTORY = "directory", _("My profile is shown in the member directory")
    CONTACT_REQUEST = "contact_request", _("My contact request and details are stored")
    NEWSLETTER = "newsletter", _("I receive the newsletter")


# A confirmation of fact (no client can be recognised) is not a consent one can withdraw.
WITHDRAWABLE = frozenset(
    {
        ConsentKind.STORY_PUBLISH,
        ConsentKind.PRACTICE_CONTACT,
        ConsentKind.DIRECTORY,
        ConsentKind.CONTACT_REQUEST,
        ConsentKind.NEWSLETTER,
    }
)


def text_version(text: str) -> str:
    """A short fingerprint of the exact text shown: two consents to the same text share it."""
    return hashlib.sha256(str(text).strip().encode()).hexdigest()[:16]


_consent_recorder: Callable[..., Any] | None = None
_withdrawal_handlers: dict[str, Callable[..., None]] = {}


def set_consent_recorder(recorder: Callable[..., Any]) -> None:
    global _consent_recorder
    _consent_recorder = recorder


def consent_record(
    *,
    kind: str,
    text: str,
    user: Any = None,
    email: str = "",
    obj: models.Model | None = None,
) -> Any:
    """Record that a person agreed to `text` (the words shown to them) now."""
    if _consent_recorder is None:  # pragma: no cover - the accounts app is always installed
        raise RuntimeError("No consent recorder registered.")
    return _consent_recorder(kind=kind, text=text, user=user, email=email, obj=obj)


def register_consent_withdrawal(kind: str, handler: Callable[..., None]) -> None:
    """`handler(consent, actor=...)` undoes what the consent allowed (e.g. unpublish)."""
    _withdrawal_handlers[kind] = handler


def consent_withdrawal_handler(kind: str) -> Callable[..., None] | None:
    return _withdrawal_handlers.get(kind)


def address_q(field: str, emails: frozenset[str]) -> models.Q:
    """Rows whose `field` is one of the person's addresses (case-insensitive)."""
    condition = models.Q(pk__in=[])
    for email in emails:
        condition |= models.Q(**{f"{field}__iexact": email})
    return condition


def erase_mail_log(model: type[models.Model], subject: DataSubject) -> None:
    """Erase a person from an e-mail log (core's outbox and any app's log of the same shape:
    to, reply_to, subject, body, sent_at). Mails to the person: gone. Mails to others about
    them (a contact request sent to a chair with their address as reply-to, a moderation
    notice naming them): not yet sent -> dropped (they concern erased records); sent -> kept
    without the person."""
    terms = subject.scrub_terms()
    model._default_manager.filter(address_q("to", subject.emails)).delete()
    annotations, mentions = mentions_q(["subject", "body"], terms)
    about = model._default_manager.annotate(**annotations).filter(
        address_q("reply_to", subject.emails) | mentions
    )
    about.filter(sent_at__isnull=True).delete()
    for mail in about.filter(sent_at__isnull=False):
        theirs = mail.reply_to.lower() in subject.emails
        # A mail answering to them (a forwarded contact request) is their message: erased.
        model._default_manager.filter(pk=mail.pk).update(
            subject=scrub(mail.subject, terms)[:255],
            body=ERASED if theirs else scrub(mail.body, terms),
            reply_to="" if theirs else mail.reply_to,
        )
