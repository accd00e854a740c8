"""Cross-cutting records: the audit trail and the e-mail outbox."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # modeltranslation swaps the class of every translated model's manager at runtime
    # (Manager -> MultilingualManager). Importing its manager module here, below every
    # app's models, makes mypy analyse it first, so that django-stubs resolves those
    # managers instead of reporting django-manager-missing.
    import modeltranslation.manager  # noqa: F401


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """Who changed what, when, with the values before and after. Never edited or deleted,
    except that erasing a person (GDPR art. 17) removes their name and addresses from it
    (sterk.core.personal_data_logs)."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    # The region the change belongs to, so a chair's trail can be filtered; null = platform.
    region_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class OutboundEmail(models.Model):
    """The outbox: one e-mail to one recipient (sterk.core.outbox). The unique key makes
    enqueuing idempotent (a bulk send is one row per recipient, each with its own key); the
    claim (status, claimed_at, claim_token) makes sending once-only, and a claim older than
    STERK_OUTBOX_CLAIM_TIMEOUT (a crashed worker) is taken over.

    A mail is either pre-rendered (`subject`/`body`; `kind` is then only a label) or, with
    an empty body, rendered when sent by the renderer an app registered for its `kind`
    ("<app>.<name>") from the small JSON `context` (ids, never copies of personal data);
    the rendered subject and body are kept once it is sent."""

    key = models.CharField(max_length=200, unique=True)
    to = models.EmailField()
    kind = models.CharField(max_length=50, blank=True)
    context = models.JSONField(default=dict, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True)
    reply_to = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # Written by `enqueue_many` (a newsletter): sent by the rate-limited drain, never by the
    # job that sends the single e-mails (a confirmation) at once.
    bulk = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_outbox_due"),
            # The single e-mails' job reads past a queued newsletter.
            models.Index(
                fields=["bulk", "status", "next_attempt_at"], name="core_outbox_due_by_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject or self.kind}"


class FormSubmission(models.Model):
    """A form posted once: the hidden one-time token of a create form (contact, story,
    proposal, ...). A second POST with the same token (a double click, a reload, a retry)
    creates nothing and gets the first one's answer. See `sterk.core.once`."""

    token = models.CharField(max_length=64, unique=True)
    path = models.CharField(max_length=255)
    location = models.CharField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.path} {self.token[:8]}"


class ContentRecord(models.Model):
    """What `sterk.core.content.sync` last wrote to one object from a file under `content/`:
    a hash per field, so `--update` can tell a field nobody edited (its value still hashes
    to what the sync wrote) from one edited in the management area (kept)."""

    key = models.CharField(_("content key"), max_length=255, unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64)
    hashes = models.JSONField(_("field hashes"), default=dict, blank=True)
    synced_at = models.DateTimeField(_("synced"), auto_now=True)

    class Meta:
        verbose_name = _("content record")
        verbose_name_plural = _("content records")

    def __str__(self) -> str:
        return self.key
