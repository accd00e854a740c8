"""The app's e-mails in core's outbox: the kinds, and the renderers that build them when
they are sent (after commit, outside the event lock), .ics attachment included.

A registration e-mail is enqueued as kind "events.<template>" with the context
{"registration_id": ..., "ics": bool} (and "message_id" for an organiser's message); the
renderer reads the registration then. A registration erased in the meantime: the mail is
dropped (`outbox.Gone`)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from sterk.core import outbox

PREFIX = "events."
# The templates under events/email/<name>.txt, one per kind (services.SUBJECTS).
KINDS = (
    "confirm_email",
    "already_registered",
    "confirmed",
    "waiting",
    "promoted",
    "offered",
    "offer_expired",
    "reminder",
    "cancelled_event",
    "recording",
    "message",
)


def registration_mail_enqueue(
    *,
    key: str,
    to: str,
    kind: str,
    registration_id: int,
    attach_ics: bool = False,
    message_id: int | None = None,
) -> bool:
    """Record one e-mail to a registrant; the same key twice is a no-op (returns False)."""
    context: dict[str, Any] = {"registration_id": registration_id}
    if attach_ics:
        context["ics"] = True
    if message_id is not None:
        context["message_id"] = message_id
    return outbox.enqueue(key=key, to=to, kind=PREFIX + kind, context=context)


def render_registration_mail(kind: str, context: Mapping[str, Any]) -> outbox.Rendered:
    from .ics import for_registration
    from .models import EventMessage, Registration
    from .services import render

    registration_id = context.get("registration_id")
    registration = None
    if registration_id is not None:
        registration = (
            Registration.objects.select_related("event").filter(pk=registration_id).first()
        )
    if registration is None:
        raise outbox.Gone(f"registration {registration_id} is gone")
    extra: dict[str, Any] | None = None
    if "message_id" in context:
        message = EventMessage.objects.filter(pk=context["message_id"]).first()
        if message is None:
            raise outbox.Gone(f"event message {context['message_id']} is gone")
        extra = {"message": message}
    subject, body = render(registration, kind, extra)
    attachments: tuple[outbox.Attachment, ...] = ()
    if context.get("ics"):
        attachments = (
            outbox.Attachment(
                "event.ics", for_registration(registration), "text/calendar; method=PUBLISH"
            ),
        )
    return outbox.Rendered(subject=subject, body=body, attachments=attachments)


RENDERERS = {PREFIX + kind: functools.partial(render_registration_mail, kind) for kind in KINDS}


def register_renderers() -> None:
    """Called from EventsConfig.ready()."""
    for kind, renderer in RENDERERS.items():
        outbox.register_renderer(kind, renderer)
