"""Writes for events. Views, tasks, commands call these; nothing else saves.

Capacity: every change that can take or free a seat runs in one transaction that starts by
locking the event row (`select_for_update`; on SQLite the IMMEDIATE transaction mode
serialises writers already), then counts. Seats are held by confirmed registrations and by
seats offered from the waiting list; their number never exceeds the capacity. Freed seats
go to the waiting list in order of position, each to exactly one person.

E-mails are recorded in core's outbox with a unique key and sent after commit, rendered
then by the renderers in `mail` (`mail.registration_mail_enqueue`)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sterk.core import dates, slugs
from sterk.core.audit import audit_record
from sterk.core.fields import fit_to_field
from sterk.core.roles import roles_of
from sterk.core.services import (
    instance_create_audited,
    instance_delete_audited,
    instance_update_audited,
)
from sterk.core.site import absolute_url
from sterk.core.slugs import SlugSource
from sterk.core.validators import single_line

from . import seats
from .mail import registration_mail_enqueue
from .models import (
    SEAT_STATUSES,
    Event,
    EventMessage,
    EventStatus,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    Visibility,
)
from .seats import SeatState
from .types import EventData, EventReportData, QuestionData, SeriesData, SessionData

if TYPE_CHECKING:
    from sterk.accounts.models import User

CONFIRM_SALT = "sterk.events.confirm"
REGISTRATION_SALT = "sterk.events.registration"
# Fields whose change makes calendar clients update the event (SEQUENCE + 1).
CALENDAR_FIELDS = ("starts_at", "ends_at", "venue", "address", "format", "status", "title_nl")


class RegistrationRefused(ValidationError):
    """Registration is not possible; the message says why, in the active language."""


# --- tokens and links ------------------------------------------------------------------


def registration_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=REGISTRATION_SALT)


def confirm_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=CONFIRM_SALT)


def registration_from_token(token: str, *, salt: str = REGISTRATION_SALT) -> Registration | None:
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(pk=pk).first()


def _absolute(path: str) -> str:
    return absolute_url(path)


def registration_url(registration: Registration) -> str:
    with translation.override(registration.language):
        return _absolute(
            reverse("events:registration_manage", args=[registration_token(registration)])
        )


def confirm_url(registration: Registration) -> str:
    with translation.override(registration.language):
        return _absolute(reverse("events:registration_confirm", args=[confirm_token(registration)]))


# --- availability: may this person register now, and if not, why ---------------------------


@dataclass(frozen=True)
class Availability:
    state: str  # open | waitlist | full | not_yet | closed | cancelled | past | none | draft | restricted
    message: str = ""
    seats_left: int | None = None

    @property
    def can_register(self) -> bool:
        return self.state in ("open", "waitlist")


def _when(value: datetime.datetime) -> str:
    return dates.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def may_attend(event: Event, user: Any) -> bool:
    """Visibility as a right to register: public and members' events for every signed-in
    person (members' events need an account), invited roles for holders of those roles."""
    if event.visibility == Visibility.PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if event.visibility == Visibility.MEMBERS:
        return True
    roles = roles_of(user)
    held = {
        "coordinator": roles.coordinator,
        "steering": roles.steering,
        "chair": bool(roles.chair_region_ids),
        "stakeholder": bool(roles.stakeholder_organisation_ids),
    }
    return any(held.get(r) for r in event.invited_roles) or roles.coordinator


def availability(
    event: Event,
    *,
    user: Any = None,
    now: datetime.datetime | None = None,
    check_user: bool = True,
    seats_taken: int | None = None,
) -> Availability:
    """Whether this person can register now, and why not. `seats_taken`: the count when
    the caller has read it already (under the event's lock)."""
    now = now or timezone.now()
    if event.status == EventStatus.DRAFT:
        return Availability("draft", _("This event is not published yet."))
    if event.status == EventStatus.CANCELLED:
        return Availability("cancelled", _("This event was cancelled."))
    if event.status == EventStatus.HELD or event.ends_at < now:
        return Availability("past", _("This event has taken place."))
    if not event.registration_required:
        return Availability("none", _("No registration is needed: you are welcome."))
    if event.starts_at <= now:
        return Availability("closed", _("Registration is closed: the event has started."))
    if event.registration_opens_at and now < event.registration_opens_at:
        return Availability(
            "not_yet",
            _("Registration opens on %(date)s.") % {"date": _when(event.registration_opens_at)},
        )
    if event.registration_closes_at and now > event.registration_closes_at:
        return Availability(
            "closed",
            _("Registration closed on %(date)s.") % {"date": _when(event.registration_closes_at)},
        )
    if check_user and not may_attend(event, user):
        if event.visibility == Visibility.MEMBERS:
            return Availability(
                "restricted", _("This event is for members: log in or create an account first.")
            )
        return Availability(
            "restricted", _("This event is only open to the people who were invited.")
        )
    if seats_taken is None or event.capacity is None:
        left = event.seats_left()
    else:
        left = max(event.capacity - seats_taken, 0)
    if left is not None and left <= 0:
        if event.waitlist_enabled:
            return Availability(
                "waitlist",
                _(
                    "This event is full. You can join the waiting list: when a seat frees up, it goes to the next person on the list."
                ),
                0,
            )
        return Availability("full", _("This event is full and has no waiting list."), 0)
    return Availability("open", "", left)


# --- events (organisers) -----------------------------------------------------------------


def _event_slug_source(text: str) -> SlugSource:
    return SlugSource(text, fallback="activiteit", reserved={"reeks", "regio", "inschrijving"})


def _calendar_state(event: Event) -> tuple[Any, ...]:
    return tuple(getattr(event, f) for f in CALENDAR_FIELDS)


@transaction.atomic
def event_create(*, actor: User | None, data: EventData) -> Event:
    data = data.copy()
    source = None
    if not data.get("slug"):
        source = _event_slug_source(data.get("title_nl") or data.get("title") or "")
        data["slug"] = slugs.unique_slug(Event, source)
    data.setdefault("status", EventStatus.DRAFT)
    region = data.get("region")
    return instance_create_audited(
        actor=actor,
        model=Event,
        data=data,
        action="event.created",
        region_id=region.pk if region else None,
        slug_source=source,
    )


@transaction.atomic
def event_update(*, actor: User | None, event: Event, data: EventData) -> Event:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    before = _calendar_state(locked)
    old_capacity = locked.capacity
    locked = instance_update_audited(
        actor=actor, instance=locked, data=data, action="event.updated", region_id=locked.region_id
    )
    if _calendar_state(locked) != before:
        Event.objects.filter(pk=locked.pk).update(sequence=locked.sequence + 1)
        locked.sequence += 1
    if locked.capacity is None or (old_capacity is not None and locked.capacity > old_capacity):
        _fill_freed_seats(locked)
    return locked


def _set_status(
    *, actor: User | None, event: Event, status: str, extra: dict[str, Any] | None = None
) -> Event:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    before = locked.status
    locked.status = status
    for key, value in (extra or {}).items():
        setattr(locked, key, value)
    locked.sequence += 1
    locked.full_clean()
    locked.save()
    audit_record(
        actor=actor,
        action=f"event.{status}",
        obj=locked,
        changes={
            "status": [before, status],
            **{k: [None, str(v)] for k, v in (extra or {}).items()},
        },
        region_id=locked.region_id,
    )
    return locked


@transaction.atomic
def event_publish(*, actor: User | None, event: Event) -> Event:
    if event.status != EventStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    return _set_status(actor=actor, event=event, status=EventStatus.PUBLISHED)


@transaction.atomic
def event_cancel(*, actor: User, event: Event, reason: str = "") -> Event:
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event was cancelled already."))
    locked = _set_status(
        actor=actor, event=event, status=EventStatus.CANCELLED, extra={"cancel_reason": reason}
    )
    for registration in locked.registrations.active():
        registration.event = locked
        _mail(registration, "cancelled_event", key=f"event-cancelled:{registration.pk}")
    return locked


@transaction.atomic
def event_report(
    *, actor: User, event: Event, data: EventReportData, mark_held: bool = True
) -> Event:
    """After the event: recording, report/minutes, attendance. Mails registrants and
    wait-listers once when a recording is first put online."""
    had_recording = bool(event.recording_url)
    if mark_held and event.status == EventStatus.PUBLISHED:
        data = {**data, "status": EventStatus.HELD}
    event = instance_update_audited(
        actor=actor, instance=event, data=data, action="event.reported", region_id=event.region_id
    )
    if event.recording_url and not had_recording:
        people = event.registrations.filter(status__in=[*SEAT_STATUSES, RegistrationStatus.WAITING])
        for registration in people:
            registration.event = event
            _mail(registration, "recording", key=f"recording:{registration.pk}")
    return event


@transaction.atomic
def event_delete(*, actor: User, event: Event) -> None:
    if event.status != EventStatus.DRAFT or event.registrations.exists():
        raise ValidationError(
            _("Only a draft without registrations can be deleted; cancel it instead.")
        )
    instance_delete_audited(
        actor=actor,
        instance=event,
        action="event.deleted",
        fields=["title", "starts_at"],
        region_id=event.region_id,
    )


# --- series, sessions, questions -----------------------------------------------------------


def series_save(*, actor: User | None, data: SeriesData, series: Series | None = None) -> Series:
    if series is None:
        data = data.copy()
        source = None
        if not data.get("slug"):
            source = SlugSource(data.get("title_nl") or "", fallback="reeks")
            data["slug"] = slugs.unique_slug(Series, source)
        return instance_create_audited(
            actor=actor, model=Series, data=data, action="series.created", slug_source=source
        )
    return instance_update_audited(actor=actor, instance=series, data=data, action="series.updated")


def session_save(
    *, actor: User | None, event: Event, data: SessionData, session: Session | None = None
) -> Session:
    if session is None:
        return instance_create_audited(
            actor=actor,
            model=Session,
            data={**data, "event": event},
            action="session.created",
            region_id=event.region_id,
        )
    return instance_update_audited(
        actor=actor,
        instance=session,
        data=data,
        action="session.updated",
        region_id=event.region_id,
    )


def session_delete(*, actor: User, session: Session) -> None:
    instance_delete_audited(
        actor=actor,
        instance=session,
        action="session.deleted",
        fields=["title"],
        region_id=session.event.region_id,
    )


def question_save(
    *, actor: User | None, event: Event, data: QuestionData, question: Question | None = None
) -> Question:
    if question is None:
        order = (event.questions.aggregate(m=Max("order"))["m"] or 0) + 1
        return instance_create_audited(
            actor=actor,
            model=Question,
            data={"order": order, **data, "event": event},
            action="question.created",
            region_id=event.region_id,
        )
    return instance_update_audited(
        actor=actor,
        instance=question,
        data=data,
        action="question.updated",
        region_id=event.region_id,
    )


def question_delete(*, actor: User, question: Question) -> None:
    instance_delete_audited(
        actor=actor,
        instance=question,
        action="question.deleted",
        fields=["label"],
        region_id=question.event.region_id,
    )


# --- registration --------------------------------------------------------------------------


def _clean_answers(
    event: Event, answers: dict[Any, Any], questions: list[Question] | None = None
) -> dict[str, Any]:
    """Answers keyed by question id, checked against the questions (the event's, or these
    when the caller has them); stored with the label."""
    cleaned: dict[str, Any] = {}
    errors = []
    for question in event.questions.all() if questions is None else questions:
        value = answers.get(str(question.pk), answers.get(question.pk))
        if question.kind == QuestionKind.CHECKBOX:
            value = bool(value)
            if question.required and not value:
                errors.append(_("Please tick “%(q)s”.") % {"q": question.label})
        else:
            value = (value or "").strip() if isinstance(value, str) else (value or "")
            if (
                question.kind == QuestionKind.CHOICE
                and value
                and value not in question.choice_list()
            ):
                errors.append(_("Choose one of the options for “%(q)s”.") % {"q": question.label})
            if question.required and not value:
                errors.append(_("Please answer “%(q)s”.") % {"q": question.label})
        cleaned[str(question.pk)] = value
    if errors:
        raise RegistrationRefused(errors)
    return cleaned


def _check_clash(event: Event, sessions: list[Session]) -> None:
    """No two chosen sessions at the same time, and all of this event."""
    for i, first in enumerate(sessions):
        if first.event_id != event.pk:
            raise RegistrationRefused(_("This session is not part of the event."))
        for second in sessions[i + 1 :]:
            if first.overlaps(second):
                raise RegistrationRefused(
                    _("The sessions “%(a)s” and “%(b)s” take place at the same time. Choose one.")
                    % {"a": first.title, "b": second.title}
                )


def _check_sessions(
    event: Event, sessions: list[Session], registration: Registration | None
) -> None:
    """Each chosen session has a seat left (checked under the event lock, which serialises
    every registration of the event). Only seat holders take session seats."""
    _check_clash(event, sessions)
    for session in sessions:
        if session.capacity is None:
            continue
        taken = session.registrations.filter(status__in=SEAT_STATUSES)
        if registration is not None and registration.pk:
            taken = taken.exclude(pk=registration.pk)
        if taken.count() >= session.capacity:
            raise RegistrationRefused(
                _("The session “%(title)s” is full. Choose another one.") % {"title": session.title}
            )


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _lock_for_seat_decision(
    event: Event, *, email: str, user_id: int | None
) -> tuple[Event, SeatState]:
    """The lock, then what the decision reads, in one statement each (`seats`): the lock
    is held until the commit, so every round trip and millisecond saved under it is
    throughput on a popular event."""
    return seats.lock_and_read(event, email=email, user_id=user_id)


def _seats_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status__in=SEAT_STATUSES).count()


def _next_position(event: Event, top: int | None = None) -> int:
    """The place after the last one; `top`: the highest position, when the caller read it
    under the lock."""
    if top is None:
        top = Registration.objects.filter(event=event).aggregate(m=Max("position"))["m"]
    return (top or 0) + 1


def _allocate(
    event: Event,
    registration: Registration,
    *,
    seats_taken: int | None = None,
    lapsed_offers: bool = True,
    top_position: int | None = None,
) -> None:
    """Give a seat, or a place on the waiting list, or refuse. Caller holds the lock; it
    may pass the seats taken, whether an offer lapsed and the highest waiting-list
    position, read under that lock."""
    if lapsed_offers and _offers_expire(event):
        # Seats were freed and given on: count again.
        seats_taken = top_position = None
    if event.capacity is not None and seats_taken is None:
        seats_taken = _seats_taken(event)
    if event.capacity is None or (seats_taken is not None and seats_taken < event.capacity):
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    elif event.waitlist_enabled:
        registration.status = RegistrationStatus.WAITING
        registration.position = _next_position(event, top_position)
    else:
        raise RegistrationRefused(_("This event is full and has no waiting list."))


@dataclass
class RegistrationResult:
    registration: Registration
    created: bool


@transaction.atomic
def registration_create(
    *,
    event: Event,
    user: Any = None,
    name: str = "",
    email: str = "",
    organisation_name: str = "",
    answers: dict[str, Any] | None = None,
    sessions: list[Session] | None = None,
    language: str = "nl",
    now: datetime.datetime | None = None,
) -> RegistrationResult:
    """Register a member (one step) or a visitor (name + e-mail, confirmed by e-mail).

    Idempotent: registering again while registered returns the existing registration
    (a double click makes one registration)."""
    signed_in = bool(user is not None and getattr(user, "is_authenticated", False))
    # Read before the lock: the page's and the form's selectors have prefetched them.
    questions = list(event.questions.all())
    if signed_in:
        email = user.email
        name = user.get_full_name() or user.email
        if not organisation_name and getattr(user, "organisation_id", None):
            organisation_name = user.organisation.name
    email = (email or "").strip().lower()
    # A snapshot of the name: on one line and within the column, whatever the profile holds.
    name = fit_to_field(Registration, "name", single_line(name or ""))
    # The registration of this address, else (a member whose address changed) of this
    # person: at most two rows, each unique per event. The lock's query says whether
    # there is one; only then are they read.
    same = Q(email=email) | Q(user=user) if signed_in else Q(email=email)
    event, seat = _lock_for_seat_decision(
        event, email=email, user_id=user.pk if signed_in else None
    )
    state = availability(event, user=user, now=now, seats_taken=seat.seats_taken)
    if not state.can_register:
        raise RegistrationRefused(state.message, code=state.state)
    if not email or not name:
        raise RegistrationRefused(_("Give your name and e-mail address."))
    found = (
        list(Registration.objects.filter(event=event).filter(same).order_by("pk"))
        if seat.has_own_row
        else []
    )
    existing = next((r for r in found if r.email == email), found[0] if found else None)
    if existing is not None and existing.is_active and not signed_in:
        # A visitor gets the same answer ("check your mailbox") whether or not the address
        # is registered; only the mailbox learns which: the link again while the address
        # is unconfirmed, else a note that it is registered already (at most once a
        # minute). The input is checked as for a new registration first.
        _clean_answers(event, answers or {}, questions)
        _check_sessions(event, sorted(sessions or [], key=lambda s: s.starts_at), None)
        existing.event = event
        minute = int(timezone.now().timestamp() // 60)
        if existing.status == RegistrationStatus.PENDING:
            _mail(existing, "confirm_email", key=f"confirm:{existing.pk}:{minute}")
        else:
            _mail(existing, "already_registered", key=f"already:{existing.pk}:{minute}")
        return RegistrationResult(existing, False)
    if (
        existing is not None
        and existing.is_active
        and existing.status != RegistrationStatus.PENDING
    ):
        return RegistrationResult(existing, False)
    cleaned = _clean_answers(event, answers or {}, questions)
    chosen = sorted(sessions or [], key=lambda s: s.starts_at)
    _check_clash(event, chosen)
    registration = existing or Registration(event=event)
    registration.user = user if signed_in else registration.user
    registration.name = name
    registration.email = email
    registration.organisation_name = organisation_name
    registration.answers = cleaned
    registration.language = language
    registration.cancelled_at = None
    registration.checked_in_at = None
    registration.offer_expires_at = None
    if signed_in:
        _allocate(
            event,
            registration,
            seats_taken=seat.seats_taken,
            lapsed_offers=seat.lapsed_offers,
            top_position=seat.top_position,
        )
        if registration.status == RegistrationStatus.CONFIRMED:
            _check_sessions(event, chosen, registration)
    else:
        registration.status = RegistrationStatus.PENDING
        _check_sessions(event, chosen, None)
    # The event and user were just loaded: skip their existence queries.
    registration.full_clean(
        exclude=["event", "user"], validate_unique=False, validate_constraints=False
    )
    try:
        # No savepoint: on this error the whole registration is refused and rolled back.
        with transaction.atomic(savepoint=False):
            registration.save()
    except IntegrityError as exc:  # the constraint behind the lock: never two rows
        raise RegistrationRefused(_("You are registered for this event already.")) from exc
    if chosen or existing is not None:
        registration.sessions.set(chosen)
    registration.event = event
    if registration.status == RegistrationStatus.PENDING:
        minute = int(timezone.now().timestamp() // 60)
        _mail(registration, "confirm_email", key=f"confirm:{registration.pk}:{minute}")
    else:
        _mail_allocation(registration)
    return RegistrationResult(registration, True)


def _mail_allocation(registration: Registration) -> None:
    stamp = f"{registration.pk}:{(registration.confirmed_at or registration.created_at).timestamp():.0f}"
    if registration.status == RegistrationStatus.CONFIRMED:
        _mail(registration, "confirmed", key=f"confirmed:{stamp}", attach_ics=True)
    elif registration.status == RegistrationStatus.WAITING:
        _mail(registration, "waiting", key=f"waiting:{registration.pk}:{registration.position}")


@transaction.atomic
def registration_confirm_email(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """A visitor clicked the link in the e-mail: now the seat (or waiting place) is given."""
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        registration.event = event
        return registration
    state = availability(event, now=now, check_user=False)
    if not state.can_register:
        raise RegistrationRefused(state.message, code=state.state)
    _allocate(event, registration)
    if registration.status == RegistrationStatus.CONFIRMED:
        chosen = list(registration.sessions.all())
        try:
            _check_sessions(event, chosen, registration)
        except RegistrationRefused:
            registration.sessions.clear()
    registration.save()
    registration.event = event
    _mail_allocation(registration)
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: User | None = None) -> Registration:
    """Cancel (by the person through their link, or by an organiser): the freed seat goes to
    the next person on the waiting list at once."""
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    before = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.offer_expires_at = None
    registration.save()
    if (
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor.pk != registration.user_id
    ):
        audit_record(
            actor=actor,
            action="registration.cancelled",
            obj=registration,
            changes={"status": [before, RegistrationStatus.CANCELLED]},
            region_id=event.region_id,
        )
    if before in SEAT_STATUSES:
        _fill_freed_seats(event)
    return registration


def _fill_freed_seats(event: Event) -> list[Registration]:
    """Give free seats to the waiting list in order. Caller holds the event lock."""
    if event.status != EventStatus.PUBLISHED or event.ends_at < timezone.now():
        return []
    promoted = []
    free = None if event.capacity is None else event.capacity - _seats_taken(event)
    queue = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by(
        "position"
    )
    for registration in queue.select_for_update():
        if free is not None and free <= 0:
            break
        registration.event = event
        if event.offer_hours:
            registration.status = RegistrationStatus.OFFERED
            registration.offer_expires_at = timezone.now() + datetime.timedelta(
                hours=event.offer_hours
            )
            registration.save()
            _mail(
                registration,
                "offered",
                key=f"offered:{registration.pk}:{registration.offer_expires_at.timestamp():.0f}",
            )
        else:
            registration.status = RegistrationStatus.CONFIRMED
            registration.confirmed_at = timezone.now()
            _drop_full_sessions(event, registration)
            registration.save()
            _mail(
                registration,
                "promoted",
                key=f"promoted:{registration.pk}:{registration.confirmed_at.timestamp():.0f}",
                attach_ics=True,
            )
        promoted.append(registration)
        if free is not None:
            free -= 1
    return promoted


def _drop_full_sessions(event: Event, registration: Registration) -> None:
    for session in list(registration.sessions.all()):
        try:
            _check_sessions(event, [session], registration)
        except RegistrationRefused:
            registration.sessions.remove(session)


def _offers_expire(event: Event, now: datetime.datetime | None = None) -> int:
    """Offers not accepted in time lapse; their seats go to the next people. Lock held."""
    now = now or timezone.now()
    expired = list(
        Registration.objects.filter(
            event=event, status=RegistrationStatus.OFFERED, offer_expires_at__lt=now
        )
    )
    for registration in expired:
        expires_at = registration.offer_expires_at
        assert expires_at is not None  # filtered on offer_expires_at__lt above
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save()
        registration.event = event
        _mail(
            registration,
            "offer_expired",
            key=f"offer-expired:{registration.pk}:{expires_at.timestamp():.0f}",
        )
    if expired:
        _fill_freed_seats(event)
    return len(expired)


@transaction.atomic
def offers_expire(*, event: Event, now: datetime.datetime | None = None) -> int:
    return _offers_expire(_lock(event), now)


def registration_accept_offer(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Accept a seat offered from the waiting list. An offer past its time lapses (that is
    committed, and the seat goes to the next person) and the refusal says so."""
    registration, error = _accept_offer(registration=registration, now=now or timezone.now())
    if error:
        raise RegistrationRefused(error)
    return registration


@transaction.atomic
def _accept_offer(
    *, registration: Registration, now: datetime.datetime
) -> tuple[Registration, str]:
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.status == RegistrationStatus.CONFIRMED:
        return registration, ""
    if registration.status != RegistrationStatus.OFFERED:
        return registration, _("There is no seat waiting for you.")
    if registration.offer_expires_at and registration.offer_expires_at < now:
        _offers_expire(event, now)
        return registration, _(
            "The time to accept this seat has passed; it went to the next person."
        )
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = now
    registration.offer_expires_at = None
    _drop_full_sessions(event, registration)
    registration.save()
    _mail(
        registration,
        "confirmed",
        key=f"confirmed:{registration.pk}:{now.timestamp():.0f}",
        attach_ics=True,
    )
    return registration, ""


@transaction.atomic
def registration_check_in(
    *, actor: User, registration: Registration, present: bool
) -> Registration:
    registration.checked_in_at = timezone.now() if present else None
    registration.save(update_fields=["checked_in_at"])
    audit_record(
        actor=actor,
        action="registration.checked_in" if present else "registration.checked_out",
        obj=registration,
        region_id=registration.event.region_id,
    )
    return registration


def message_key(*, event: Event, token: str = "", subject: str = "", body: str = "") -> str:
    """What makes two submissions one message: the form's one-time token, or without one
    the content (the same text to the same event twice is a double submit)."""
    basis = f"token:{token}" if token else f"content:{subject.strip()}\x00{body.strip()}"
    return hashlib.sha256(f"{event.pk}\x00{basis}".encode()).hexdigest()[:32]


@transaction.atomic
def event_message_send(
    *,
    actor: User,
    event: Event,
    subject: str,
    body: str,
    include_waiting: bool = False,
    token: str = "",
) -> EventMessage:
    """One e-mail per recipient. Submitted twice (a double click, a retried request): the
    first message is returned and nobody is mailed again."""
    if not subject.strip() or not body.strip():
        raise ValidationError(_("Write a subject and a message."))
    key = message_key(event=event, token=token, subject=subject, body=body)
    existing = EventMessage.objects.filter(key=key).first()
    if existing is not None:
        return existing
    statuses = [*SEAT_STATUSES] + ([RegistrationStatus.WAITING] if include_waiting else [])
    people = list(event.registrations.filter(status__in=statuses))
    try:
        with transaction.atomic():
            message = EventMessage.objects.create(
                event=event,
                sender=actor,
                subject=subject,
                body=body,
                include_waiting=include_waiting,
                recipient_count=len(people),
                key=key,
            )
    except IntegrityError:  # the same submission, committed concurrently
        return EventMessage.objects.get(key=key)
    audit_record(
        actor=actor,
        action="event.message_sent",
        obj=event,
        changes={"subject": [None, subject], "recipients": [None, len(people)]},
        region_id=event.region_id,
    )
    for registration in people:
        registration.event = event
        _mail(
            registration,
            "message",
            key=f"message:{key[:16]}:{registration.pk}",
            message_id=message.pk,
        )
    return message


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """The day-before reminder: confirmed people of published events that start tomorrow
    (Brussels date). Idempotent: one reminder per registration, whenever it runs."""
    now = timezone.localtime(now or timezone.now())
    tomorrow = now.date() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    registrations = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gte=max(start, now),
        event__starts_at__lt=end,
    ).select_related("event")
    sent = 0
    for registration in registrations:
        with transaction.atomic():
            if _mail(
                registration,
                "reminder",
                key=f"reminder:{registration.pk}:{tomorrow}",
                attach_ics=True,
            ):
                sent += 1
    return sent


# --- e-mail ------------------------------------------------------------------------------

SUBJECTS = {
    "confirm_email": lambda e: _("Confirm your registration: %(title)s") % {"title": e.title},
    "already_registered": lambda e: _("You are registered already: %(title)s") % {"title": e.title},
    "confirmed": lambda e: _("You are registered: %(title)s") % {"title": e.title},
    "waiting": lambda e: _("You are on the waiting list: %(title)s") % {"title": e.title},
    "promoted": lambda e: _("A seat freed up, you are registered: %(title)s") % {"title": e.title},
    "offered": lambda e: _("A seat is waiting for you: %(title)s") % {"title": e.title},
    "offer_expired": lambda e: _("The offered seat has lapsed: %(title)s") % {"title": e.title},
    "reminder": lambda e: _("Tomorrow: %(title)s") % {"title": e.title},
    "cancelled_event": lambda e: _("Cancelled: %(title)s") % {"title": e.title},
    "recording": lambda e: _("The recording is online: %(title)s") % {"title": e.title},
    "message": lambda e: "",
}


def waiting_rank(registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITING or registration.position is None:
        return None
    return Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITING,
        position__lte=registration.position,
    ).count()


def _mail(
    registration: Registration,
    kind: str,
    *,
    key: str,
    attach_ics: bool = False,
    message_id: int | None = None,
) -> bool:
    """Record an e-mail to a registrant in the outbox. It is rendered when sent (after
    commit, outside the event lock) by `mail.render_registration_mail`."""
    return registration_mail_enqueue(
        key=key,
        to=registration.email,
        kind=kind,
        registration_id=registration.pk,
        attach_ics=attach_ics,
        message_id=message_id,
    )


def render(registration: Registration, kind: str, extra: dict[str, Any] | None) -> tuple[str, str]:
    """Subject and body of a registration e-mail, in the registrant's language."""
    event = registration.event
    with translation.override(registration.language or "nl"):
        context = {
            "registration": registration,
            "event": event,
            "event_url": _absolute(event.get_absolute_url()),
            "manage_url": registration_url(registration),
            "confirm_url": confirm_url(registration) if kind == "confirm_email" else "",
            "rank": waiting_rank(registration),
            "starts": timezone.localtime(event.starts_at),
            "ends": timezone.localtime(event.ends_at),
            "online_url": event.online_url if registration.holds_seat else "",
            **(extra or {}),
        }
        body = render_to_string(f"events/email/{kind}.txt", context)
        subject = SUBJECTS[kind](event) or (extra or {})["message"].subject
    return str(subject), body
