"""The outbox: every e-mail the platform sends is one `OutboundEmail` row.

Enqueue (`enqueue`, inside the caller's transaction):
    one row per recipient with a unique `key`; the same key twice is a no-op, so a service
    that runs again (a double click, a retried request or job) never mails twice. The row
    is one INSERT that skips a known key (no savepoint: it often runs under a caller's
    lock, as in a registration). After the commit a job is asked for that sends every due
    single e-mail (`send_singles`), unless one is asked for already and has not started:
    a burst of registrations costs one job, not one job (a row and a commit) each. The
    row, not the job, is what counts.

Send (`send_one`, `drain`; never inside a transaction):
    1. claim: one committed UPDATE ... WHERE the row is due (queued and next_attempt_at
       passed) or its claim is stale (status sending, claimed_at older than
       STERK_OUTBOX_CLAIM_TIMEOUT: the worker died). It sets status, claimed_at and a fresh
       claim token; a second worker's UPDATE matches nothing.
    2. render (the kind's registered renderer, from the row's JSON context) and send over
       SMTP with no transaction open and no lock held;
    3. record the result in one short UPDATE guarded by the claim token.
    Temporary failures (connection errors, 4xx) go back to queued with exponential backoff
    (STERK_OUTBOX_RETRY_BASE doubling, capped at STERK_OUTBOX_RETRY_MAX) up to
    STERK_OUTBOX_MAX_ATTEMPTS, then failed; permanent ones (5xx, the object gone) fail at
    once. `manage.py send_outbox` (cron, or `--every`) sends whatever is due, so a mail
    whose task was lost still goes.

Delivery is at least once: a worker killed after the SMTP server accepted a message and
before step 3 committed sends that message again after the claim timeout. The message
carries a Message-ID derived from the key, so the copy is recognisably the same message.

Bulk (a newsletter): `enqueue_many` writes many rows (marked `bulk`) in a few INSERTs and
asks for one drain instead of one job per row. The job for single e-mails leaves bulk rows
to that drain, so a registration's confirmation never waits behind a newsletter. `drain`
sends at most STERK_OUTBOX_RATE messages per second (0: no limit), and, with STERK_OUTBOX_BREAKER > 0 (default 0: off), stops early
after that many temporary failures in a row (the server is down or throttling: the rows wait for their backoff instead of each
burning an attempt). A renderer may add an HTML part and headers (`Rendered.html`,
`Rendered.headers`: List-Unsubscribe ...).

Renderers: an app registers, in its AppConfig.ready(), a function per kind that turns a
context into a `Rendered` (subject, body, attachments). core never imports the apps."""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import logging
import smtplib
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connections, router, transaction
from django.db.models import F, Q
from django.db.models.constants import OnConflict
from django.db.models.sql.subqueries import InsertQuery
from django.utils import timezone

from .models import OutboundEmail, OutboxStatus
from .validators import single_line

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str | bytes
    mimetype: str


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = field(default=())
    html: str = ""  # an HTML alternative to the plain-text body
    headers: Mapping[str, str] = field(default_factory=dict)


class Gone(Exception):
    """Raised by a renderer when what the mail is about no longer exists (erased, deleted):
    the mail fails at once, without retries."""


Renderer = Callable[[Mapping[str, Any]], Rendered]
_renderers: dict[str, Renderer] = {}


def register_renderer(kind: str, renderer: Renderer) -> None:
    """Called from an app's AppConfig.ready(): mails of `kind` ("<app>.<name>") are rendered
    by `renderer(context)` when sent."""
    known = _renderers.get(kind)
    if known is not None and known is not renderer:
        raise ImproperlyConfigured(f"Two renderers for the e-mail kind {kind!r}.")
    _renderers[kind] = renderer


def renderer_for(kind: str) -> Renderer:
    try:
        return _renderers[kind]
    except KeyError:
        raise LookupError(f"No renderer registered for the e-mail kind {kind!r}.") from None


# --- settings ---------------------------------------------------------------------------


def claim_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "STERK_OUTBOX_CLAIM_TIMEOUT", 600))


def max_attempts() -> int:
    return int(getattr(settings, "STERK_OUTBOX_MAX_ATTEMPTS", 12))


def backoff(attempts: int) -> datetime.timedelta:
    """The wait after the `attempts`-th failed attempt: base, 2 x base, 4 x base ... capped."""
    base = float(getattr(settings, "STERK_OUTBOX_RETRY_BASE", 60))
    cap = float(getattr(settings, "STERK_OUTBOX_RETRY_MAX", 6 * 3600))
    return datetime.timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def rate_per_second() -> float:
    return float(getattr(settings, "STERK_OUTBOX_RATE", 0) or 0)


def breaker() -> int:
    return int(getattr(settings, "STERK_OUTBOX_BREAKER", 0) or 0)


# --- enqueue ----------------------------------------------------------------------------


def enqueue(
    *,
    key: str,
    to: str,
    kind: str = "",
    context: Mapping[str, Any] | None = None,
    subject: str = "",
    body: str = "",
    reply_to: str = "",
) -> bool:
    """Record one e-mail; it is sent after the transaction commits. Either pre-rendered
    (`subject` and `body`; `kind` is then only a label) or rendered when sent by the
    renderer registered for `kind`, from the JSON `context`. The same key twice is a no-op
    and returns False."""
    if not body:
        if not kind:
            raise ValueError("An e-mail needs a body or a kind with a renderer.")
        renderer_for(kind)  # fail now, in the service, not later in the worker
    row = OutboundEmail(
        key=key[:200],
        to=to,
        kind=kind,
        context=dict(context or {}),
        subject=single_line(subject)[:255],
        body=body,
        reply_to=reply_to,
    )
    if not _insert_unless_known(row):
        return False
    transaction.on_commit(_ask_to_send_singles)
    return True


def _insert_unless_known(row: OutboundEmail) -> bool:
    """INSERT the row unless its key is in the outbox already (ON CONFLICT DO NOTHING;
    SQLite: INSERT OR IGNORE), in one statement: a create in a savepoint that catches the
    IntegrityError costs two more round trips, and callers often hold a lock (a
    registration holds its event's). True when the row was written."""
    alias = router.db_for_write(OutboundEmail)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(connection.vendor, alias), _insert_params(row, connection))
        return bool(cursor.rowcount == 1)


_INSERT_FIELDS = [f for f in OutboundEmail._meta.concrete_fields if not f.primary_key]


@functools.cache
def _insert_sql(vendor: str, alias: str) -> str:
    """Django's own statement for one row (the same for every row: values are parameters),
    written once per database instead of compiled on every e-mail."""
    query = InsertQuery(OutboundEmail, on_conflict=OnConflict.IGNORE)
    query.insert_values(_INSERT_FIELDS, [OutboundEmail(key="", to="")])
    ((sql, _params),) = query.get_compiler(using=alias).as_sql()
    return str(sql)


def _insert_params(row: OutboundEmail, connection: Any) -> list[Any]:
    """The values as Django's INSERT prepares them: `pre_save` (auto_now_add), then the
    field's database form (JSON)."""
    return [f.get_db_prep_save(f.pre_save(row, True), connection) for f in _INSERT_FIELDS]


# Set while a job for the single e-mails is asked for and has not started (`send_singles`
# clears it first). A lost job delays e-mail at most this long, until the next e-mail asks
# again, or until `manage.py send_outbox` runs (cron).
SINGLES_ASKED_KEY = "outbox:singles-asked"
SINGLES_ASKED_SECONDS = 60


def _ask_to_send_singles() -> None:
    """After a commit that queued an e-mail: ask for a job that sends every due single
    e-mail, unless one is waiting to start. Without the shared cache: ask every time."""
    try:
        first = cache.add(SINGLES_ASKED_KEY, 1, SINGLES_ASKED_SECONDS)
    except Exception:
        logger.warning("The cache is unreachable: one outbox job per e-mail", exc_info=True)
        first = True
    if first:
        from .tasks import send_outbox_singles

        _enqueue(send_outbox_singles)


def send_singles() -> dict[str, int]:
    """The job `_ask_to_send_singles` asks for: send every due e-mail that is not bulk, at
    once (no rate). The mark is cleared before the rows are read, so an e-mail committed
    before that is read here, and one committed after asks for a job of its own."""
    try:
        cache.delete(SINGLES_ASKED_KEY)
    except Exception:
        logger.warning("The cache is unreachable: could not clear the outbox job mark")
    return drain(bulk=False, rate=0)


@dataclass(frozen=True)
class Bulk:
    """One row of `enqueue_many` (rendered when sent by its kind's renderer)."""

    key: str
    to: str
    kind: str
    context: Mapping[str, Any]


def enqueue_many(rows: Iterable[Bulk], *, batch_size: int = 1000) -> int:
    """Record many e-mails rendered at send time (a newsletter), in INSERTs of
    `batch_size`; keys already in the outbox are skipped (idempotent like `enqueue`).
    One drain job is asked for after the commit. Returns the number of new rows."""
    created = 0
    batch: list[OutboundEmail] = []
    kinds: set[str] = set()

    def flush() -> int:
        keys = [row.key for row in batch]
        known = set(OutboundEmail.objects.filter(key__in=keys).values_list("key", flat=True))
        new = [row for row in batch if row.key not in known]
        OutboundEmail.objects.bulk_create(new, ignore_conflicts=True)
        batch.clear()
        return len(new)

    for item in rows:
        if item.kind not in kinds:
            renderer_for(item.kind)
            kinds.add(item.kind)
        batch.append(
            OutboundEmail(
                key=item.key[:200],
                to=item.to,
                kind=item.kind,
                context=dict(item.context),
                bulk=True,
            )
        )
        if len(batch) >= batch_size:
            created += flush()
    if batch:
        created += flush()
    if created:
        transaction.on_commit(_trigger_drain)
    return created


def _trigger_drain() -> None:
    from .tasks import send_outbox

    _enqueue(send_outbox)


def _enqueue(task: Any) -> None:
    """Best effort: if the job is lost, `send_outbox` sends the rows when they are due."""
    try:
        task.enqueue()
    except Exception:
        logger.exception("Could not enqueue the outbox job %s", task.name)


def _trigger(pk: int, run_after: datetime.datetime | None = None) -> None:
    """Ask the job runner to send the row now (or at run_after). Best effort: if the job is
    lost, `send_outbox` sends the row when it is due."""
    from .tasks import send_outbound_email

    task = send_outbound_email
    try:
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return
            task = task.using(run_after=run_after)
        task.enqueue(pk)
    except Exception:
        logger.exception("Could not enqueue the outbox task for e-mail %s", pk)


# --- send -------------------------------------------------------------------------------


def due(now: datetime.datetime | None = None) -> Q:
    """Rows a worker may claim: queued and due, or claimed by a worker that is gone."""
    now = now or timezone.now()
    claimable = Q(status=OutboxStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=OutboxStatus.SENDING, claimed_at__lt=now - claim_timeout()
    )
    # A row someone marked sent (sent_at) without the status is never sent again.
    return claimable & Q(sent_at__isnull=True)


def claim(pk: int, *, now: datetime.datetime | None = None) -> str | None:
    """Claim one row for sending, committed at once. Returns the claim token, or None when
    the row is not due, claimed by a live worker, sent, failed or gone."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    claimed = (
        OutboundEmail.objects.filter(pk=pk)
        .filter(due(now))
        .update(
            status=OutboxStatus.SENDING,
            claimed_at=now,
            claim_token=token,
            attempts=F("attempts") + 1,
        )
    )
    return token if claimed else None


def message_id(key: str) -> str:
    """The same Message-ID for every attempt of one row, so a copy sent again after a crash
    is recognisably the same message."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = urlsplit(getattr(settings, "STERK_SITE_URL", "")).hostname or "localhost"
    return f"<outbox.{digest}@{domain}>"


def render(row: OutboundEmail) -> Rendered:
    """A row with a body is pre-rendered; otherwise its kind's renderer builds it now."""
    if row.body:
        return Rendered(subject=row.subject, body=row.body)
    return renderer_for(row.kind)(row.context)


def build_message(row: OutboundEmail, rendered: Rendered) -> EmailMessage:
    headers = {**rendered.headers, "Message-ID": message_id(row.key)}
    message_class = EmailMultiAlternatives if rendered.html else EmailMessage
    message = message_class(
        subject=single_line(rendered.subject),
        body=rendered.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.to],
        reply_to=[row.reply_to] if row.reply_to else None,
        headers=headers,
    )
    if rendered.html and isinstance(message, EmailMultiAlternatives):
        message.attach_alternative(rendered.html, "text/html")
    for attachment in rendered.attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def is_temporary(exc: BaseException) -> bool:
    """SMTP 5xx replies are permanent; 4xx replies, dropped or refused connections, time-outs
    and anything unexpected are retried (a bounded number of times)."""
    if isinstance(exc, Gone):
        return False
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        return not codes or any(not 500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return not 500 <= exc.smtp_code < 600
    return True


def send_one(pk: int, *, connection: BaseEmailBackend | None = None) -> str:
    """Claim, render and send one row; returns what happened: "sent", "retry", "failed" or
    "skipped" (not due, claimed by another worker, done, or erased before it was sent)."""
    token = claim(pk)
    if token is None:
        return "skipped"
    row = OutboundEmail.objects.filter(pk=pk, claim_token=token).first()
    if row is None:
        return "skipped"  # erased between the claim and now
    try:
        rendered = render(row)
        message = build_message(row, rendered)
        if connection is None:
            message.send()
        else:
            connection.send_messages([message])
    except Exception as exc:
        if connection is not None:
            _reset(connection)
        return _record_failure(row, token, exc)
    mine = OutboundEmail.objects.filter(pk=pk, claim_token=token)
    mine.update(
        status=OutboxStatus.SENT,
        sent_at=timezone.now(),
        subject=single_line(rendered.subject)[:255],
        body=rendered.body,
        claim_token="",
        last_error="",
    )
    return "sent"


def _reset(connection: BaseEmailBackend) -> None:
    # The SMTP session may be half-open after an error: the next send opens a new one.
    with contextlib.suppress(Exception):
        connection.close()


def _record_failure(row: OutboundEmail, token: str, exc: Exception) -> str:
    error = repr(exc)[:2000]
    mine = OutboundEmail.objects.filter(pk=row.pk, claim_token=token)
    if not is_temporary(exc) or row.attempts >= max_attempts():
        logger.warning("E-mail %s failed after %s attempt(s): %s", row.pk, row.attempts, error)
        mine.update(status=OutboxStatus.FAILED, claim_token="", last_error=error)
        return "failed"
    if not isinstance(exc, OSError | smtplib.SMTPException):
        logger.error("E-mail %s could not be rendered or sent", row.pk, exc_info=exc)
    next_at = timezone.now() + backoff(row.attempts)
    mine.update(
        status=OutboxStatus.QUEUED, claim_token="", next_attempt_at=next_at, last_error=error
    )
    _trigger(row.pk, run_after=next_at)
    return "retry"


def drain(
    *,
    limit: int | None = None,
    now: datetime.datetime | None = None,
    rate: float | None = None,
    chunk: int = 500,
    bulk: bool | None = None,
) -> dict[str, int]:
    """Send every row that is due (or whose claim is stale), oldest first, over one SMTP
    session, at most `rate` (default STERK_OUTBOX_RATE) per second. The due rows are read
    in chunks, so memory stays flat however long the queue; after `breaker()` temporary
    failures in a row the pass stops (the rest waits for the next pass). Run by
    `manage.py send_outbox` and the `send_outbox` task. `bulk`: only the bulk rows (True)
    or only the others (False)."""
    counts = {"sent": 0, "retry": 0, "failed": 0, "skipped": 0}
    rate = rate_per_second() if rate is None else rate
    interval = 1.0 / rate if rate > 0 else 0.0
    trip = breaker()
    connection = None
    done = 0
    in_a_row = 0
    next_at = time.monotonic()
    seen: set[int] = set()
    try:
        while limit is None or done < limit:
            size = chunk if limit is None else min(chunk, limit - done)
            ids = list(
                _due_rows(now, bulk)  # `now` afresh each chunk when not given
                .exclude(pk__in=seen)
                .order_by("next_attempt_at", "pk")
                .values_list("pk", flat=True)[:size]
            )
            if not ids:
                break
            if connection is None:
                connection = get_connection()
            for pk in ids:
                if interval:
                    wait = next_at - time.monotonic()
                    if wait > 0:
                        time.sleep(wait)
                    next_at = max(next_at, time.monotonic() - interval) + interval
                result = send_one(pk, connection=connection)
                counts[result] += 1
                done += 1
                if result == "skipped":
                    seen.add(pk)  # another worker has it: do not ask for it again
                in_a_row = in_a_row + 1 if result == "retry" else 0
                if trip and in_a_row >= trip:
                    return counts
            if len(seen) > 100_000:
                seen.clear()
    finally:
        if connection is not None:
            _reset(connection)
    return counts


def _due_rows(now: datetime.datetime | None, bulk: bool | None) -> Any:
    rows = OutboundEmail.objects.filter(due(now))
    return rows if bulk is None else rows.filter(bulk=bulk)


def requeue_failed(*, since: datetime.datetime | None = None) -> int:
    """An operator's retry after fixing the cause: failed rows are queued again."""
    rows = OutboundEmail.objects.filter(status=OutboxStatus.FAILED)
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    return rows.update(
        status=OutboxStatus.QUEUED, attempts=0, next_attempt_at=timezone.now(), claim_token=""
    )
